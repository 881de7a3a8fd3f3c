package dev.ipcgen.codegen.template;

import freemarker.core.Environment;
import freemarker.template.TemplateDirectiveBody;
import freemarker.template.TemplateDirectiveModel;
import freemarker.template.TemplateException;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * {@code <@indent by=4>...</@indent>}: indents every non-empty line of its body, so a macro (a
 * record) is written once and nested at any depth.
 */
final class IndentDirective implements TemplateDirectiveModel {

    @Override
    public void execute(Environment env, @SuppressWarnings("rawtypes") Map params, TemplateModel[] loopVars,
            TemplateDirectiveBody body) throws TemplateException, IOException {
        Object by = params.get("by");
        if (!(by instanceof TemplateNumberModel n) || params.size() != 1) {
            throw new TemplateModelException("indent takes one number parameter, by");
        }
        if (body != null) {
            body.render(new IndentingWriter(env.getOut(), " ".repeat(n.getAsNumber().intValue())));
        }
    }

    /** Inserts the indentation before the first character of each line that is not empty. */
    private static final class IndentingWriter extends Writer {
        private final Writer out;
        private final String indent;
        private boolean atLineStart = true;

        IndentingWriter(Writer out, String indent) {
            this.out = out;
            this.indent = indent;
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                char c = buf[i];
                if (c == '\n') {
                    atLineStart = true;
                } else if (atLineStart) {
                    out.write(indent);
                    atLineStart = false;
                }
                out.write(c);
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() {
            // The enclosing template owns the underlying writer.
        }
    }
}
