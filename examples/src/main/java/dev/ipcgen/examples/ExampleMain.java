package dev.ipcgen.examples;

import dev.ipcgen.examples.basic.BasicExample;
import dev.ipcgen.examples.bidirectional.BidirectionalExample;
import dev.ipcgen.examples.database.DatabaseExample;
import dev.ipcgen.examples.filetransfer.FileTransferExample;
import dev.ipcgen.examples.mesh.MeshExample;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The launcher every example shares: {@code bin/example NAME MODE [options]}, where MODE is
 * {@code demo}, {@code server} or {@code client}.
 */
public final class ExampleMain {

    private static final Map<String, Example> EXAMPLES = new LinkedHashMap<>();

    static {
        EXAMPLES.put("basic", new BasicExample());
        EXAMPLES.put("bidirectional", new BidirectionalExample());
        EXAMPLES.put("file_transfer", new FileTransferExample());
        EXAMPLES.put("database", new DatabaseExample());
        EXAMPLES.put("service_mesh", new MeshExample());
    }

    private ExampleMain() {
    }

    /** Runs one example and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length < 2 || args[0].equals("--help") || args[0].equals("-h")) {
            printUsage();
            return args.length >= 1 && (args[0].equals("--help") || args[0].equals("-h")) ? 0 : 2;
        }
        Example example = EXAMPLES.get(args[0]);
        if (example == null) {
            System.err.println("error: no example named '" + args[0] + "' (expected one of: "
                    + String.join(", ", EXAMPLES.keySet()) + ")");
            return 2;
        }
        try {
            return example.run(ExampleArgs.parse(args[1], Arrays.copyOfRange(args, 2, args.length)));
        } catch (ExampleArgs.UsageException e) {
            System.err.println("error: " + e.getMessage());
            printUsage();
            return 2;
        } catch (ExampleFailure e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.err.println("error: interrupted");
            return 1;
        } catch (RuntimeException | Error e) {
            System.err.println("internal error: " + e);
            return 3;
        }
    }

    private static void printUsage() {
        System.err.println("usage: bin/example NAME demo");
        System.err.println("       bin/example NAME server --socket PATH");
        System.err.println("       bin/example NAME client --socket PATH [options]");
        System.err.println("examples: " + String.join(", ", EXAMPLES.keySet()));
    }
}
