package org.hearth.content;

/** Whether a Markdown file is a prose page or an exercise that offers prompts. */
public enum DocumentKind {
    PAGE, EXERCISE;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
