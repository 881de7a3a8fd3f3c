/*
 * The .ipc interface definition language (shared/design/idl.md).
 *
 * No actions: the grammar only says what is well-formed. Every alternative and element is
 * labelled so that AstBuilder reads parts by name. Order rules (package first, then imports),
 * empty variants, stray semicolons and type arguments are accepted here and judged by
 * AstBuilder and the checker, which give clearer messages than a parser can.
 *
 * Doc comments (///) stay on the hidden channel with their own token type; AstBuilder attaches
 * them to the declaration that follows. White space and plain comments are skipped: every token
 * is kept until the file is parsed, and a huge file must fit in a small heap.
 */
grammar Ipc;

// ---------------------------------------------------------------- parser

file
    : entries+=topLevel* end=EOF
    ;

topLevel
    : decl=packageDecl   # packageEntry
    | decl=importDecl    # importEntry
    | decl=structDecl    # structEntry
    | decl=enumDecl      # enumEntry
    | decl=protocolDecl  # protocolEntry
    | stray=SEMI         # strayEntry
    ;

packageDecl
    : keyword=PACKAGE segments+=ident (dots+=DOT segments+=ident)* end=SEMI
    ;

importDecl
    : keyword=IMPORT path=STRING end=SEMI
    ;

structDecl
    : keyword=STRUCT name=ident body=fieldList
    ;

enumDecl
    : keyword=ENUM name=ident open=LBRACE (variants+=variant (separators+=COMMA variants+=variant)* trailing=COMMA?)? close=RBRACE
    ;

variant
    : name=ident                    # unitVariant
    | name=ident elements=tupleList # tupleVariant
    | name=ident body=fieldList     # structVariant
    ;

tupleList
    : open=LPAREN (elements+=typeRef (separators+=COMMA elements+=typeRef)* trailing=COMMA?)? close=RPAREN
    ;

protocolDecl
    : keyword=PROTOCOL name=ident versionKeyword=VERSION number=INT open=LBRACE messages+=message* close=RBRACE
    ;

message
    : name=ident request=fieldList? (arrow=ARROW response=fieldList)? separator=(SEMI | COMMA)?
    ;

fieldList
    : open=LBRACE (fields+=field (separators+=COMMA fields+=field)* trailing=COMMA?)? close=RBRACE
    ;

field
    : name=ident colon=COLON type=typeRef
    ;

typeRef
    : name=ident (open=LT arguments+=typeRef (separators+=COMMA arguments+=typeRef)* close=GT)?
    ;

// The words of the language are contextual: they may name fields, messages and the like.
ident
    : token=(IDENT | PACKAGE | IMPORT | STRUCT | ENUM | PROTOCOL | VERSION)
    ;

// ---------------------------------------------------------------- lexer

PACKAGE  : 'package' ;
IMPORT   : 'import' ;
STRUCT   : 'struct' ;
ENUM     : 'enum' ;
PROTOCOL : 'protocol' ;
VERSION  : 'version' ;

ARROW  : '->' ;
LBRACE : '{' ;
RBRACE : '}' ;
LPAREN : '(' ;
RPAREN : ')' ;
LT     : '<' ;
GT     : '>' ;
COMMA  : ',' ;
SEMI   : ';' ;
COLON  : ':' ;
DOT    : '.' ;

INT   : [0-9]+ ;
IDENT : [A-Za-z_] [A-Za-z0-9_]* ;

// No escapes in import paths.
STRING              : '"' ~["\r\n]* '"' ;
UNTERMINATED_STRING : '"' ~["\r\n]* ;

// `///` documents what follows; `////...` is a plain comment.
DOC_COMMENT  : '///' (~[/\r\n] ~[\r\n]*)? -> channel(HIDDEN) ;
LINE_COMMENT : '//' ~[\r\n]* -> skip ;
// Block comments nest, as in Rust.
// Written without `.*?` so that an inner `/*` always opens a nested comment.
BLOCK_COMMENT : '/*' ('/'* BLOCK_COMMENT | '/'+ ~[*/] | '*'+ ~[*/] | ~[*/])* '*'+ '/' -> skip ;
// Only matched when no closing `*/` balances this `/*`: the parser facade reports it here.
UNTERMINATED_COMMENT : '/*' ;

WS : [ \t\r\n\f]+ -> skip ;

// Any other character; the parser facade reports it and drops it.
UNEXPECTED_CHAR : . ;
