package dev.ipcgen.idl.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipcgen.idl.testing.IpcFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExampleSchemaTest {

    @TempDir
    Path dir;

    private IpcFiles files;
    private LoadResult result;
    private Schema schema;

    @BeforeEach
    void loadExample() {
        files = new IpcFiles(dir);
        files.write("common.ipc", IpcFiles.COMMON);
        files.write("basic.ipc", IpcFiles.EXAMPLE);
        result = files.load("basic.ipc");
        schema = result.schema().orElse(null);
    }

    @Test
    void example_loadsWithOnlyTheUnusedImportWarning() {
        assertThat(files.headlines(result))
                .containsExactly("basic.ipc:4:8: warning: unused import 'common.ipc'");
        assertThat(schema).isNotNull();
    }

    @Test
    void example_listsInputFirstThenImportedFile() {
        List<SchemaFile> list = schema.files();
        assertThat(list).extracting(SchemaFile::root).containsExactly(true, false);
        assertThat(list.get(0).displayPath()).isEqualTo(dir.resolve("basic.ipc").toString());
        assertThat(list.get(1).displayPath()).isEqualTo(dir.resolve("common.ipc").toString());
        assertThat(list.get(0).javaPackage()).isEqualTo("dev.ipcgen.examples.basic");
        assertThat(list.get(1).javaPackage()).isEqualTo("dev.ipcgen.examples.common");
        assertThat(list.get(0).doc()).contains("Types and protocols of the basic example.");
        assertThat(list.get(0).types()).extracting(UserType::name).containsExactly("User", "Role", "Shape");
        assertThat(list.get(0).protocols()).extracting(ProtocolType::name).containsExactly("app_protocol", "admin_protocol");
        assertThat(list.get(1).types()).extracting(UserType::name).containsExactly("Timestamp");
    }

    @Test
    void example_resolvesFieldTypes() {
        StructType user = (StructType) schema.type("User");
        assertThat(user.doc()).contains("A registered user.");
        assertThat(user.fields()).extracting(f -> f.type().canonical())
                .containsExactly("u64", "String", "Option<String>", "Vec<Role>", "HashMap<String,String>");
        assertThat(user.fields().get(3).type()).isEqualTo(new VecType(new NamedTypeRef("Role")));
        assertThat(user.fields().get(0).span().line()).isEqualTo(8);
        assertThat(user.fields().get(0).span().column()).isEqualTo(5);
    }

    @Test
    void example_keepsEnumShapes() {
        EnumType role = (EnumType) schema.type("Role");
        assertThat(role.isCLike()).isTrue();
        EnumType shape = (EnumType) schema.type("Shape");
        assertThat(shape.isCLike()).isFalse();
        assertThat(shape.variants()).extracting(Variant::shape).containsExactly(
                Variant.Shape.STRUCT, Variant.Shape.STRUCT, Variant.Shape.TUPLE, Variant.Shape.UNIT);
        assertThat(shape.variants().get(2).elements())
                .containsExactly(new BuiltinType(Builtin.F64), new NamedTypeRef("Shape"));
    }

    @Test
    void example_keepsMessageForms() {
        ProtocolType app = schema.protocols().get(0);
        assertThat(app.messages()).extracting(MessageType::name).containsExactly("get_user", "list_users", "log", "ping");
        assertThat(app.messages()).extracting(MessageType::index).containsExactly(0, 1, 2, 3);
        assertThat(app.messages().get(0).doc()).contains("Looks a user up by id.");
        assertThat(app.messages().get(1).request()).isEmpty();
        assertThat(app.messages().get(2).isOneWay()).isTrue();
        assertThat(app.messages().get(3).response()).isEqualTo(Optional.of(List.of()));
        assertThat(app.doc()).contains("Everyday operations.");
    }

    @Test
    void appProtocol_hasTheIdAndCanonicalTextOfTheWireFormat() {
        ProtocolType app = schema.protocols().get(0);
        assertThat(app.key()).isEqualTo("app_protocol@1");
        assertThat(app.id()).isEqualTo(0x48287F96);
        assertThat(app.canonicalText()).isEqualTo(
                "protocol app_protocol@1{get_user{id:u64}->{user:Option<User>};list_users{}->{users:Vec<User>};"
                        + "log{level:u8,message:String};ping{}->{}}\n"
                        + "enum Role{Admin,Member,Guest}\n"
                        + "struct User{id:u64,name:String,email:Option<String>,roles:Vec<Role>,"
                        + "attributes:HashMap<String,String>}\n");
        assertThat(app.fingerprint()).isEqualTo(0x60185B5F51F4EABEL);
    }

    @Test
    void adminProtocol_reachesNoTypes() {
        ProtocolType admin = schema.protocols().get(1);
        assertThat(admin.canonicalText()).isEqualTo(
                "protocol admin_protocol@1{shutdown{reason:String}->{accepted:bool};stats{}->{connections:u32,calls:u64}}\n");
        assertThat(admin.fingerprint()).isEqualTo(Fnv1a.hash64(admin.canonicalText()));
        assertThat(admin.id()).isEqualTo(Fnv1a.hash32("admin_protocol@1"));
    }
}
