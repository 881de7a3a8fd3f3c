package dev.ipcgen.examples;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A mode and its {@code --name value} options, as the launcher received them.
 *
 * @param mode {@code demo}, {@code server} or {@code client}
 */
public record ExampleArgs(String mode, Map<String, String> options) {

    private static final Set<String> MODES = Set.of("demo", "server", "client");

    /** Copies the map. */
    public ExampleArgs {
        options = Map.copyOf(options);
    }

    /** Parses {@code --name value} pairs; a flag without a value is {@code "true"}. */
    public static ExampleArgs parse(String mode, String[] rest) {
        if (!MODES.contains(mode)) {
            throw new UsageException("unknown mode '" + mode + "' (expected: demo, server or client)");
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < rest.length; i++) {
            String a = rest[i];
            if (!a.startsWith("--") || a.length() == 2) {
                throw new UsageException("unexpected argument '" + a + "'");
            }
            String name = a.substring(2);
            boolean hasValue = i + 1 < rest.length && !rest[i + 1].startsWith("--");
            options.put(name, hasValue ? rest[++i] : "true");
        }
        return new ExampleArgs(mode, options);
    }

    /** The option's value, if given. */
    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    /** The {@code --socket} path, required in server and client modes. */
    public Path socket() {
        return Path.of(option("socket").orElseThrow(() -> new UsageException(mode + " needs --socket PATH")));
    }

    /** A numeric option, unsigned 64-bit allowed, or the default. */
    public long unsignedLong(String name, long defaultValue) {
        Optional<String> v = option(name);
        if (v.isEmpty()) {
            return defaultValue;
        }
        try {
            return Long.parseUnsignedLong(v.get());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " takes a number from 0 to 18446744073709551615, not '" + v.get() + "'");
        }
    }

    /** Fails on options the mode does not know. */
    public void allowOnly(Set<String> known) {
        for (String name : options.keySet()) {
            if (!known.contains(name)) {
                throw new UsageException("unknown option --" + name + " for " + mode);
            }
        }
    }

    /** Wrong arguments: printed with the usage, exit status 2. */
    public static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** @param message what is wrong with the arguments */
        public UsageException(String message) {
            super(message);
        }
    }
}
