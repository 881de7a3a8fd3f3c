package dev.ipcgen.idl.testing;

import dev.ipcgen.idl.schema.LoadOptions;
import dev.ipcgen.idl.schema.LoadResult;
import dev.ipcgen.idl.schema.SchemaLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes {@code .ipc} files to a folder and loads them, for tests. */
public final class IpcFiles {

    /** The example of idl.md, verbatim. */
    public static final String EXAMPLE = """
            /// Types and protocols of the basic example.
            package dev.ipcgen.examples.basic;  // Java package of the generated code

            import "common.ipc";                // structs and enums shared across files

            /// A registered user.
            struct User {
                id: u64,
                name: String,
                email: Option<String>,
                roles: Vec<Role>,
                attributes: HashMap<String, String>,
            }

            enum Role { Admin, Member, Guest }      // C-like enum

            enum Shape {                            // enum with data (tagged union)
                Circle { radius: f64 },             // struct variant
                Rect { width: f64, height: f64 },
                Scaled(f64, Shape),                 // tuple variant, as in Rust
                Point,                              // unit variant
            }

            /// Everyday operations.
            protocol app_protocol version 1 {
                /// Looks a user up by id.
                get_user { id: u64 } -> { user: Option<User> }
                list_users -> { users: Vec<User> }          // no request fields
                log { level: u8, message: String }          // one-way: no `->`
                ping -> { }                                 // acknowledged, empty response
            }

            protocol admin_protocol version 1 {
                shutdown { reason: String } -> { accepted: bool }
                stats -> { connections: u32, calls: u64 }
            }
            """;

    /** A small file for the example to import. */
    public static final String COMMON = """
            package dev.ipcgen.examples.common;

            /// When something happened, in microseconds since the epoch.
            struct Timestamp { micros: u64 }
            """;

    private final Path dir;

    /** Files in {@code dir}. */
    public IpcFiles(Path dir) {
        this.dir = dir;
    }

    /** Writes {@code text} to {@code name} (folders created) and returns its path. */
    public Path write(String name, String text) {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code bytes} to {@code name} (folders created) and returns its path. */
    public Path write(String name, byte[] bytes) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            return Files.write(p, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads these files of the folder with default options. */
    public LoadResult load(String... names) {
        return load(LoadOptions.defaults(), names);
    }

    /** Loads these files of the folder. */
    public LoadResult load(LoadOptions options, String... names) {
        List<Path> inputs = new ArrayList<>();
        for (String n : names) {
            inputs.add(dir.resolve(n));
        }
        return new SchemaLoader(options).load(inputs);
    }

    /** The headlines of a result, with the folder's path removed so that they read {@code a.ipc:1:2: ...}. */
    public List<String> headlines(LoadResult result) {
        String prefix = dir.toString() + dir.getFileSystem().getSeparator();
        return result.diagnostics().stream().map(d -> d.headline().replace(prefix, "")).toList();
    }
}
