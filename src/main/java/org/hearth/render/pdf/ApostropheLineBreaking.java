package org.hearth.render.pdf;

import org.xhtmlrenderer.css.style.CalculatedStyle;
import org.xhtmlrenderer.layout.breaker.BreakPoint;
import org.xhtmlrenderer.layout.breaker.BreakPointsProvider;
import org.xhtmlrenderer.layout.breaker.DefaultLineBreakingStrategy;
import org.xhtmlrenderer.layout.breaker.LineBreakingStrategy;

/**
 * Line breaking that never splits a word at its apostrophe. The JDK's line rules allow a break
 * after a typographic apostrophe, so "you’d" could print as "you’" at a line's end and "d" on the
 * next; a break point inside a word (a letter on both sides of the apostrophe) is skipped.
 */
final class ApostropheLineBreaking implements LineBreakingStrategy {

    private final LineBreakingStrategy standard = new DefaultLineBreakingStrategy();

    @Override
    public BreakPointsProvider getBreakPointsProvider(String text, String lang, CalculatedStyle style) {
        // Layout asks for break points in every run of text: a cheap place to notice that the
        // layout was given up (hearth serve interrupts a PDF an edit has made stale).
        LayoutInterruption.check();
        BreakPointsProvider points = standard.getBreakPointsProvider(text, lang, style);
        return () -> {
            BreakPoint p = points.next();
            while (p != null && insideWord(text, p.getPosition())) {
                p = points.next();
            }
            return p;
        };
    }

    /** Whether {@code at} falls right after an apostrophe that has a letter on each side. */
    static boolean insideWord(String text, int at) {
        if (at < 2 || at >= text.length()) {
            return false;
        }
        char quote = text.charAt(at - 1);
        return (quote == '\u2019' || quote == '\'') && Character.isLetter(text.charAt(at - 2)) && Character.isLetter(text.charAt(at));
    }
}
