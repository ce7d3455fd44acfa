package org.hearth.render;

import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Locale;
import java.util.TimeZone;
import org.hearth.diag.BuildFailure;
import org.hearth.diag.Position;

/**
 * The one Freemarker configuration, hardened: auto-escaping by file extension ({@code .ftlh} HTML,
 * {@code .ftlx} XML), no {@code ?new} or {@code ?api}, errors rethrown, fixed locale and time zone.
 * Content is only ever data passed to templates, never template source.
 */
public final class Templates {

    private final Configuration cfg;
    private final org.hearth.i18n.Catalogues catalogues;
    /** Each rendering thread's first output piece, see {@link #renderUtf8}. */
    private final ThreadLocal<byte[]> firstPieces = new ThreadLocal<>();

    public Templates(Theme theme) {
        catalogues = new org.hearth.i18n.Catalogues(theme::read, Theme::bundled);
        cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setTemplateLoader(theme.templateLoader());
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        cfg.setURLEscapingCharset("UTF-8");
        cfg.setLocale(Locale.ROOT);
        cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
        cfg.setNumberFormat("computer");
        cfg.setBooleanFormat("c");
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setShowErrorTips(true);
        DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
        wrapper.setExposeFields(false);
        cfg.setObjectWrapper(wrapper.build());
    }

    /**
     * Renders template {@code name} with {@code model}.
     *
     * @param forFile the content file being rendered, named in errors alongside the template
     * @throws BuildFailure with the template's position when the template is broken
     */
    public String render(String name, Object model, String forFile) {
        StringWriter out = new StringWriter(64 * 1024);
        process(name, model, forFile, out);
        return out.toString();
    }

    /**
     * Renders template {@code name} with {@code model} as UTF-8: the bytes of
     * {@code render(...).getBytes(UTF_8)}, made without the whole page as a String in between.
     *
     * @param forFile the content file being rendered, named in errors alongside the template
     * @throws BuildFailure with the template's position when the template is broken
     */
    public byte[] renderUtf8(String name, Object model, String forFile) {
        // Each thread reuses its first 32 KB piece from page to page (10,000 pages allocated 320 MB
        // of them); taken out while in use, so a render inside a render gets its own.
        byte[] first = firstPieces.get();
        firstPieces.set(null);
        Utf8Output out = new Utf8Output(first == null ? Utf8Output.firstPiece() : first);
        try {
            process(name, model, forFile, out);
            return out.bytes();
        } finally {
            firstPieces.set(out.first());
        }
    }

    private void process(String name, Object model, String forFile, java.io.Writer out) {
        Template template;
        try {
            template = cfg.getTemplate(name);
        } catch (TemplateNotFoundException e) {
            throw BuildFailure.of(Position.ofFile("templates/" + name), "template not found",
                    "the theme needs this file; restore it or remove your override");
        } catch (ParseException e) {
            throw BuildFailure.of(new Position("templates/" + e.getTemplateName(), e.getLineNumber(), e.getColumnNumber()),
                    "template syntax error: " + firstLine(e.getEditorMessage()), "fix the template; see the Freemarker manual");
        } catch (IOException e) {
            throw BuildFailure.of(Position.ofFile("templates/" + name), "cannot read template: " + e.getMessage(), "");
        }
        try {
            template.process(model, out);
        } catch (TemplateException e) {
            String source = e.getTemplateSourceName() == null ? name : e.getTemplateSourceName();
            Integer line = e.getLineNumber();
            Integer col = e.getColumnNumber();
            throw BuildFailure.of(new Position("templates/" + source, line == null ? 0 : line, col == null ? 0 : col),
                    "template error while rendering " + forFile + ": " + describe(e),
                    "check the expression at this place in the template");
        } catch (IOException e) {
            throw BuildFailure.of(Position.ofFile("templates/" + name), "cannot write template output: " + e.getMessage(), "");
        }
    }

    /**
     * {@code text} escaped for HTML here, once, exactly as a {@code .ftlh} template escapes
     * {@code ${text}}; printed with {@code ${...}} it is written as it is, not escaped again. For
     * text that every page prints alike (the scripts' 11 KB of strings): escaping it on each page
     * was many small writes.
     */
    public static freemarker.core.TemplateHTMLOutputModel html(String text) {
        try {
            // fromMarkup, not fromPlainTextByEscaping: that one would escape again at every print.
            freemarker.core.HTMLOutputFormat html = freemarker.core.HTMLOutputFormat.INSTANCE;
            return html.fromMarkup(html.escapePlainText(text));
        } catch (freemarker.template.TemplateModelException e) {
            throw new IllegalStateException("HTML escaping cannot fail", e);
        }
    }

    /**
     * The interface strings of {@code language} (the theme's {@code messages/<lang>.properties}).
     *
     * @throws BuildFailure when the theme has none for the language
     */
    public org.hearth.i18n.Catalogue messages(String language) {
        return catalogues.of(language);
    }

    /** Missing message files and keys for {@code languages}, for {@code hearth check}. */
    public java.util.List<org.hearth.diag.Diagnostic> messageProblems(java.util.List<String> languages) {
        return catalogues.problems(languages);
    }

    /** The first line of Freemarker's message, plus the expression it blames when there is one. */
    private static String describe(TemplateException e) {
        String first = firstLine(e.getMessageWithoutStackTop()).replaceAll(":$", "");
        String blamed = e.getBlamedExpressionString();
        // A view-model method that refuses its argument (such as asset("nope.css")) says why better
        // than Freemarker's wrapper, which prints the whole model.
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof IllegalArgumentException bad && bad.getMessage() != null) {
                first = bad.getMessage();
                break;
            }
        }
        return blamed == null ? first : first + ": ${" + blamed + "}";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown problem";
        }
        String m = message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl).strip();
    }
}
