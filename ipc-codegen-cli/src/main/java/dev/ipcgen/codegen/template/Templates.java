package dev.ipcgen.codegen.template;

import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The one FreeMarker {@link Configuration} of the generator, configured once and never changed,
 * and the templates under {@code /dev/ipcgen/codegen/templates/}.
 */
public final class Templates {

    private static final Configuration CONFIGURATION = configure();

    private Templates() {
    }

    private static Configuration configure() {
        Configuration c = new Configuration(Configuration.VERSION_2_3_35);
        c.setClassLoaderForTemplateLoading(Templates.class.getClassLoader(), "dev/ipcgen/codegen/templates");
        c.setDefaultEncoding("UTF-8");
        c.setOutputEncoding("UTF-8");
        c.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_35).build());
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        c.setAPIBuiltinEnabled(false);
        c.setLocalizedLookup(false);
        c.setNumberFormat("computer");
        c.setSharedVariable("indent", new IndentDirective());
        return c;
    }

    /**
     * Renders {@code templateName} with {@code model} as the variable {@code model}.
     *
     * @throws IllegalStateException if a template is broken (a bug, not bad input)
     */
    public static String render(String templateName, Object model) {
        try {
            Template template = CONFIGURATION.getTemplate(templateName);
            StringWriter out = new StringWriter();
            template.process(Map.of("model", model), out);
            return out.toString();
        } catch (TemplateException e) {
            throw new IllegalStateException("template " + templateName + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + templateName, e);
        }
    }
}
