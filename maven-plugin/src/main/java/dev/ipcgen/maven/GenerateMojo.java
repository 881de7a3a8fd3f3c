package dev.ipcgen.maven;

import dev.ipcgen.codegen.Generator;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Generates Java sources from the {@code .ipc} files of the project and adds them to the sources
 * to compile.
 *
 * <p>Every {@code *.ipc} file under {@link #sourceDirectory} is one input of a single run, so the
 * files may import each other. Problems in the files are reported as
 * {@code path:line:col: error: message}, with paths relative to the project's base directory, and
 * fail the build. The goal is incremental: when the inputs, the options and the plugin are the same
 * as at the last successful run, and its output is still there, nothing is generated again.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class GenerateMojo extends AbstractMojo {

    /** The folder searched, at any depth, for {@code *.ipc} files. */
    @Parameter(property = "ipcgen.sourceDirectory", defaultValue = "${project.basedir}/src/main/ipc",
            required = true)
    private File sourceDirectory;

    /**
     * Where the Java sources are written; it is added to the project's compile source roots.
     * When it lies under the build directory, each generation removes every file in it that the
     * generation did not write; elsewhere only the files the plugin wrote before are removed.
     */
    @Parameter(property = "ipcgen.outputDirectory",
            defaultValue = "${project.build.directory}/generated-sources/ipc", required = true)
    private File outputDirectory;

    /**
     * Folders searched for {@code import "path";} after the importing file's own folder, in
     * order.
     */
    @Parameter
    private List<File> importRoots;

    /**
     * The Java package of the generated code for {@code .ipc} files that declare no
     * {@code package}. Without it, such a file is an error.
     */
    @Parameter(property = "ipcgen.javaPackage")
    private String javaPackage;

    /** Skips the goal entirely: nothing is generated and no source root is added. */
    @Parameter(property = "ipcgen.skip", defaultValue = "false")
    private boolean skip;

    /** The project being built. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /** This plugin, whose version and jars identify the generator for the incremental check. */
    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    /** Creates the mojo; Maven injects the parameters. */
    public GenerateMojo() {
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("ipcgen: skipped");
            return;
        }
        Path outputDir = absolute(outputDirectory);
        Path buildDir = absolute(new File(project.getBuild().getDirectory()));
        GenerationRun.Outcome outcome;
        try {
            GenerationRun.Settings settings = new GenerationRun.Settings(
                    absolute(project.getBasedir()),
                    absolute(sourceDirectory),
                    outputDir,
                    outputDir.startsWith(buildDir) && !outputDir.equals(buildDir),
                    buildDir.resolve("ipcgen").resolve("state.txt"),
                    importRoots == null
                            ? List.of()
                            : importRoots.stream().map(GenerateMojo::absolute).toList(),
                    Optional.ofNullable(javaPackage).map(String::strip).filter(p -> !p.isEmpty()),
                    generatorIdentity());
            outcome = new GenerationRun(settings, new Generator()::generate, getLog()).execute();
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException("ipcgen: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("ipcgen: I/O error: " + e, e);
        } catch (RuntimeException e) {
            throw new MojoExecutionException("ipcgen: internal error: " + e, e);
        }
        if (outcome != GenerationRun.Outcome.NO_INPUTS) {
            project.addCompileSourceRoot(outputDir.toString());
        }
    }

    /**
     * The plugin's version; for a snapshot also the content hashes of the ipcgen jars it runs, so
     * rebuilding the generator under the same snapshot version still regenerates.
     */
    private String generatorIdentity() {
        StringBuilder identity = new StringBuilder(plugin.getVersion());
        if (plugin.getVersion().endsWith("-SNAPSHOT")) {
            Set<Artifact> artifacts = new LinkedHashSet<>();
            if (plugin.getPluginArtifact() != null) {
                artifacts.add(plugin.getPluginArtifact());
            }
            artifacts.addAll(plugin.getArtifacts());
            for (Artifact artifact : artifacts) {
                File file = artifact.getFile();
                if (artifact.getGroupId().equals(plugin.getGroupId()) && file != null && file.isFile()) {
                    identity.append('\n').append(artifact.getArtifactId())
                            .append(' ').append(InputFingerprint.hashFile(file.toPath()));
                }
            }
        }
        getLog().debug("ipcgen: generator identity " + identity);
        return identity.toString();
    }

    private static Path absolute(File file) {
        return file.toPath().toAbsolutePath().normalize();
    }
}
