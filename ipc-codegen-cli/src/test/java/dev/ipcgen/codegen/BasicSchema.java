package dev.ipcgen.codegen;

import dev.ipcgen.idl.diag.SourceSpan;
import dev.ipcgen.idl.schema.Builtin;
import dev.ipcgen.idl.schema.BuiltinType;
import dev.ipcgen.idl.schema.EnumType;
import dev.ipcgen.idl.schema.Field;
import dev.ipcgen.idl.schema.MapType;
import dev.ipcgen.idl.schema.MessageType;
import dev.ipcgen.idl.schema.NamedTypeRef;
import dev.ipcgen.idl.schema.OptionType;
import dev.ipcgen.idl.schema.ProtocolType;
import dev.ipcgen.idl.schema.Schema;
import dev.ipcgen.idl.schema.SchemaFile;
import dev.ipcgen.idl.schema.StructType;
import dev.ipcgen.idl.schema.TypeRef;
import dev.ipcgen.idl.schema.Variant;
import dev.ipcgen.idl.schema.VecType;
import dev.ipcgen.runtime.ProtocolIds;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The schema of {@code golden/basic/basic.ipc}, built by hand: the view model and template tests do
 * not depend on the parser.
 */
final class BasicSchema {

    static final String PACKAGE = "dev.ipcgen.examples.basic";
    static final SourceSpan AT = new SourceSpan("basic.ipc", 1, 1);

    private BasicSchema() {
    }

    static TypeRef builtin(Builtin b) {
        return new BuiltinType(b);
    }

    static Field field(String name, TypeRef type) {
        return new Field(name, type, Optional.empty(), AT);
    }

    static Field field(String name, TypeRef type, String doc) {
        return new Field(name, type, Optional.of(doc), AT);
    }

    static Variant unit(String name) {
        return new Variant(name, Variant.Shape.UNIT, List.of(), List.of(), Optional.empty(), AT);
    }

    static MessageType message(String name, int index, List<Field> request, List<Field> response, String doc) {
        return new MessageType(name, index, request, Optional.ofNullable(response), Optional.ofNullable(doc), AT);
    }

    static ProtocolType protocol(String name, String canonical, List<MessageType> messages, String doc) {
        return new ProtocolType(name, 1, ProtocolIds.protocolId(name, 1), ProtocolIds.fingerprint(canonical),
                canonical, PACKAGE, messages, Optional.ofNullable(doc), AT);
    }

    static Schema schema() {
        StructType user = new StructType("User", PACKAGE, List.of(
                field("id", builtin(Builtin.U64)),
                field("name", builtin(Builtin.STRING)),
                field("email", new OptionType(builtin(Builtin.STRING))),
                field("roles", new VecType(new NamedTypeRef("Role"))),
                field("attributes", new MapType(builtin(Builtin.STRING), builtin(Builtin.STRING)))),
                Optional.of("A registered user."), AT);
        EnumType role = new EnumType("Role", PACKAGE, List.of(unit("Admin"), unit("Member"), unit("Guest")),
                Optional.of("What a user may do."), AT);
        ProtocolType app = protocol("app_protocol",
                "protocol app_protocol@1{get_user{id:u64}->{user:Option<User>};list_users{}->{users:Vec<User>};"
                        + "log{level:u8,message:String};ping{}->{}}\n"
                        + "enum Role{Admin,Member,Guest}\n"
                        + "struct User{id:u64,name:String,email:Option<String>,roles:Vec<Role>,"
                        + "attributes:HashMap<String,String>}\n",
                List.of(
                        message("get_user", 0, List.of(field("id", builtin(Builtin.U64))),
                                List.of(field("user", new OptionType(new NamedTypeRef("User")))),
                                "Looks a user up by id."),
                        message("list_users", 1, List.of(),
                                List.of(field("users", new VecType(new NamedTypeRef("User")))),
                                "Every user, in id order."),
                        message("log", 2, List.of(field("level", builtin(Builtin.U8)),
                                field("message", builtin(Builtin.STRING))), null,
                                "Writes a line to the server's log; no answer."),
                        message("ping", 3, List.of(), List.of(), "Checks that the server is there.")),
                "Everyday operations.");
        ProtocolType admin = protocol("admin_protocol",
                "protocol admin_protocol@1{shutdown{reason:String}->{accepted:bool};"
                        + "stats{}->{connections:u32,calls:u64}}\n",
                List.of(
                        message("shutdown", 0, List.of(field("reason", builtin(Builtin.STRING))),
                                List.of(field("accepted", builtin(Builtin.BOOL))),
                                "Asks the server to stop; it answers first."),
                        message("stats", 1, List.of(), List.of(field("connections", builtin(Builtin.U32)),
                                field("calls", builtin(Builtin.U64))), "Counters since the server started.")),
                "Operations for operators.");
        SchemaFile file = new SchemaFile(Path.of("basic.ipc"), "basic.ipc", PACKAGE,
                Optional.of("Types and protocols of the basic example: two protocols served by one handler."),
                List.of(user, role), List.of(app, admin), true);
        return new Schema(List.of(file));
    }
}
