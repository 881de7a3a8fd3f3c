package dev.ipcgen.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Runs the service-mesh example as real JVM processes: a mesh, two instances of {@code reverse}
 * with random names (one turning unhealthy after two calls), and callers routing a random request.
 */
class ServiceMeshExampleProcessTest extends ExampleProcessTest {

    @Override
    String socketName() {
        return "mesh.sock";
    }


    @Test
    void demo_routesChecksHealthAndReports() throws Exception {
        try (ExampleProcess demo = ExampleProcess.start("service_mesh", "demo")) {
            assertThat(demo.waitFor(60)).as("exit; stderr %s", demo.stderr()).isZero();
            assertThat(demo.stdout())
                    .contains("[caller] route reverse 'mesh' -> 'hsem' from reverse/r1")
                    .contains("[caller] route reverse 'route' -> 'etuor' from reverse/r2")
                    .contains("[caller] route upper 'metrics' -> 'METRICS' from upper/u1")
                    .contains("[mesh] reverse/r2 is now unhealthy")
                    .contains("[caller]   reverse/r2 unhealthy calls=2")
                    .contains("[caller] route reverse 'r1' -> '1r' from reverse/r1")
                    .contains("[demo] done");
        }
    }

    @Test
    void separateProcesses_routeRoundRobin_andStopRoutingToAnUnhealthyInstance() throws Exception {
        String first = "a" + random.nextInt(1_000_000);
        String second = "b" + random.nextInt(1_000_000);
        String request = "req-" + Long.toHexString(random.nextLong());
        String reply = new StringBuilder(request).reverse().toString();
        String s = socket.toString();
        try (ExampleProcess mesh = ExampleProcess.start("service_mesh", "server", "--socket", s, "--check-ms", "50")) {
            mesh.awaitOutput("listening on", 30);
            try (ExampleProcess a = ExampleProcess.start("service_mesh", "client", "--socket", s,
                    "--service", "reverse", "--instance", first)) {
                a.awaitOutput("registered as reverse/" + first, 30);
                try (ExampleProcess b = ExampleProcess.start("service_mesh", "client", "--socket", s,
                        "--service", "reverse", "--instance", second, "--unhealthy-after", "2")) {
                    b.awaitOutput("reverse has 2 instance(s)", 30);
                    try (ExampleProcess caller = ExampleProcess.start("service_mesh", "client", "--socket", s,
                            "--route", "reverse", "--request", request, "--times", "4", "--report")) {
                        assertThat(caller.waitFor(60)).as("seed %d; stderr %s", SEED, caller.stderr()).isZero();
                        String out = caller.stdout();
                        String prefix = "[caller] route reverse '" + request + "' -> '" + reply + "' from reverse/";
                        assertThat(out.split(java.util.regex.Pattern.quote(prefix + first), -1)).as("seed %d", SEED).hasSize(3);
                        assertThat(out.split(java.util.regex.Pattern.quote(prefix + second), -1)).as("seed %d", SEED).hasSize(3);
                        assertThat(out).as("seed %d", SEED)
                                .contains("[caller]   reverse/" + first + " healthy calls=2")
                                .contains("[caller]   reverse/" + second + " unhealthy calls=2");
                    }
                    try (ExampleProcess caller = ExampleProcess.start("service_mesh", "client", "--socket", s,
                            "--route", "reverse", "--request", request, "--times", "2", "--shutdown")) {
                        assertThat(caller.waitFor(60)).as("seed %d; stderr %s", SEED, caller.stderr()).isZero();
                        assertThat(caller.stdout()).as("only the healthy instance; seed %d", SEED)
                                .doesNotContain("from reverse/" + second)
                                .contains("[caller] shutdown -> accepted=true");
                    }
                    assertThat(b.waitFor(30)).as("stderr %s", b.stderr()).isZero();
                    assertThat(b.stdout()).contains("[" + second + "] the mesh closed the connection; stopping");
                }
                assertThat(a.waitFor(30)).as("stderr %s", a.stderr()).isZero();
                assertThat(a.stdout()).contains("[reverse/" + first + "] call 4: '" + request + "' -> '" + reply + "'");
            }
            assertThat(mesh.waitFor(30)).as("stderr %s", mesh.stderr()).isZero();
            assertThat(mesh.stdout())
                    .contains("[mesh] reverse/" + second + " is now unhealthy")
                    .contains("[mesh] stopped");
        }
        assertThat(socket).doesNotExist();
    }

    @Test
    void instance_withoutAName_isAUsageError() throws Exception {
        assertUsageError("an instance needs --instance NAME",
                "service_mesh", "client", "--socket", socket.toString(),
                "--service", "reverse");
    }
}
