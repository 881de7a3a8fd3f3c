package dev.ipcgen.idl.parse;

import dev.ipcgen.idl.parse.antlr.IpcLexer;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/** How tokens and sets of tokens read in messages. */
final class Tokens {

    private static final int[] CONTEXTUAL_KEYWORDS = {
        IpcLexer.PACKAGE, IpcLexer.IMPORT, IpcLexer.STRUCT, IpcLexer.ENUM, IpcLexer.PROTOCOL, IpcLexer.VERSION,
    };

    private Tokens() {
    }

    /** {@code 'x'}, or {@code end of file}. */
    static String describe(Token t) {
        if (t == null || t.getType() == Token.EOF) {
            return "end of file";
        }
        return quote(t.getText());
    }

    /** One character as a message shows it: {@code '#'}, or {@code U+0000} when unprintable. */
    static String describeChar(String text) {
        int cp = text.codePointAt(0);
        if (Character.isISOControl(cp) || Character.isWhitespace(cp) || !Character.isDefined(cp)
                || Character.getType(cp) == Character.FORMAT || Character.getType(cp) == Character.SURROGATE) {
            return String.format("U+%04X", cp);
        }
        return "'" + text + "'";
    }

    /** The token names of {@code set}, as in {@code 'struct', ';' or end of file}. */
    static String describe(IntervalSet set) {
        List<Integer> types = new ArrayList<>(set.toList());
        if (types.contains(IpcLexer.IDENT)) {
            // The words of the language are identifiers too; "identifier" says it all.
            for (int k : CONTEXTUAL_KEYWORDS) {
                types.remove(Integer.valueOf(k));
            }
        }
        if (types.contains(IpcLexer.STRUCT) && types.contains(IpcLexer.PROTOCOL)) {
            // At top level a ';' is accepted only to be reported as stray: do not suggest it.
            types.remove(Integer.valueOf(IpcLexer.SEMI));
        }
        List<String> names = new ArrayList<>();
        for (int type : types) {
            names.add(name(type));
        }
        if (names.isEmpty()) {
            return "nothing more";
        }
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    private static String name(int type) {
        return switch (type) {
            case Token.EOF -> "end of file";
            case IpcLexer.IDENT -> "an identifier";
            case IpcLexer.INT -> "a number";
            case IpcLexer.STRING -> "a string";
            default -> IpcLexer.VOCABULARY.getLiteralName(type) != null
                    ? IpcLexer.VOCABULARY.getLiteralName(type)
                    : IpcLexer.VOCABULARY.getDisplayName(type);
        };
    }

    private static String quote(String text) {
        StringBuilder sb = new StringBuilder("'");
        text.codePoints().limit(40).forEach(cp -> {
            if (cp == '\n') {
                sb.append("\\n");
            } else if (cp == '\r') {
                sb.append("\\r");
            } else if (cp == '\t') {
                sb.append("\\t");
            } else if (Character.isISOControl(cp)) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        if (text.codePointCount(0, text.length()) > 40) {
            sb.append("...");
        }
        return sb.append("'").toString();
    }
}
