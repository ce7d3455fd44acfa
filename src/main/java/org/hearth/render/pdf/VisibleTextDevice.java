package org.hearth.render.pdf;

import java.awt.Shape;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.render.JustificationInfo;

/**
 * Flying Saucer's PDF output device, minus text that the page clip hides: Flying Saucer paints the
 * first lines of the next page into this page's foot margin and clips them away, which leaves
 * invisible text that search finds and screen readers read out.
 */
final class VisibleTextDevice extends ITextOutputDevice {

    VisibleTextDevice(float dotsPerPoint) {
        super(dotsPerPoint);
    }

    @Override
    public void drawString(String s, float x, float y, JustificationInfo info) {
        Shape clip = getClip();
        // The baseline's start, nudged up into the glyphs: a line either shows here or belongs to another page.
        if (clip != null && !clip.contains(x + 0.5, y - 1)) {
            return;
        }
        super.drawString(s, x, y, info);
    }
}
