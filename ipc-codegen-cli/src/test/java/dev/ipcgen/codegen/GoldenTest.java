package dev.ipcgen.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compares the generated Java of {@code src/test/resources/golden/<case>/} with the files checked in
 * under its {@code java/} folder, and compiles them with {@code -Xlint:all -Werror}.
 *
 * <p>After an intended change of the generated code, rewrite the expected files with
 * {@code mvn -B -o -pl ipc-codegen-cli test -Dtest=GoldenTest -Dipcgen.golden.update=true}
 * and review the diff before committing.
 */
class GoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("ipcgen.golden.update");

    @TempDir
    Path tmp;

    /**
     * {@code basic}: the example of idl.md; {@code vectors}: the types of the shared bincode
     * vectors (every primitive, enums with data, recursion); {@code names}: names Java refuses or
     * that could capture a reference, every container shape, {@code Bytes} and an import.
     */
    @ParameterizedTest
    @ValueSource(strings = {"basic", "vectors", "names"})
    void generatedJava_matchesGoldenFilesAndCompiles(String name) throws IOException {
        List<GeneratedFile> files = generate(name);

        checkGolden(name, files);
        JavaSources.Compiled compiled = JavaSources.compile(files, tmp);
        assertThat(compiled.diagnostics()).isEmpty();
    }

    @Test
    void basic_handBuiltSchemaGeneratesWhatTheLoaderDoes() {
        // Other tests drive the generator with BasicSchema; this keeps it faithful to basic.ipc.
        assertThat(new Generator().generate(BasicSchema.schema()).files()).isEqualTo(generate("basic"));
    }

    @Test
    void generate_isDeterministic() {
        List<GeneratedFile> first = generate("basic");
        List<GeneratedFile> second = generate("basic");

        assertThat(second).isEqualTo(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i).content().getBytes(StandardCharsets.UTF_8))
                    .isEqualTo(first.get(i).content().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Loads {@code golden/<name>/<name>.ipc} with the real loader and generates its files. */
    private static List<GeneratedFile> generate(String name) {
        GenerationResult result = new Generator().generate(List.of(GOLDEN.resolve(name).resolve(name + ".ipc")),
                GeneratorOptions.defaults());
        assertThat(result.hasErrors()).as("errors: %s", result.diagnostics()).isFalse();
        return result.files();
    }

    private static void checkGolden(String name, List<GeneratedFile> files) throws IOException {
        Path expectedDir = GOLDEN.resolve(name).resolve("java");
        Map<String, String> actual = files.stream()
                .collect(Collectors.toMap(GeneratedFile::relativePath, GeneratedFile::content, (a, b) -> a, TreeMap::new));
        if (UPDATE) {
            if (Files.isDirectory(expectedDir)) {
                try (Stream<Path> old = Files.walk(expectedDir)) {
                    for (Path p : old.sorted((a, b) -> b.compareTo(a)).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Generator.write(files, expectedDir);
        }
        Map<String, String> expected = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(expectedDir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                expected.put(expectedDir.relativize(p).toString().replace('\\', '/'),
                        Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        assertThat(actual.keySet()).as("generated files of %s", name).isEqualTo(expected.keySet());
        for (Map.Entry<String, String> e : expected.entrySet()) {
            assertThat(actual.get(e.getKey())).as("%s (rerun with -Dipcgen.golden.update=true if intended)", e.getKey())
                    .isEqualTo(e.getValue());
        }
    }
}
