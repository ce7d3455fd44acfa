package org.hearth.serve;

import java.nio.charset.StandardCharsets;

/** The live-reload script and how it is added to pages while serving (never to the built site). */
final class ReloadScript {

    private ReloadScript() {
    }

    /** Listens for rebuilds; reloads on success and shows the problems over the page on failure. */
    static final String JS = """
            (function () {
              "use strict";
              var overlay = null;
              function show(text) {
                if (!overlay) {
                  overlay = document.createElement("pre");
                  overlay.id = "hearth-problems";
                  overlay.setAttribute("role", "alert");
                  var s = overlay.style;
                  s.position = "fixed"; s.left = "0"; s.right = "0"; s.bottom = "0"; s.maxHeight = "60vh"; s.overflow = "auto";
                  s.margin = "0"; s.padding = "1rem 1.25rem"; s.background = "#2b1d1a"; s.color = "#ffe9e0";
                  s.font = "14px/1.5 monospace"; s.whiteSpace = "pre-wrap"; s.zIndex = "2147483647";
                  s.borderTop = "4px solid #e0673f";
                  document.body.appendChild(overlay);
                }
                overlay.textContent = "Hearth could not rebuild; the last good version is shown.\\n\\n" + text;
              }
              var events = new EventSource("/__hearth/events");
              events.addEventListener("reload", function () { location.reload(); });
              events.addEventListener("problems", function (e) { show(e.data); });
            })();
            """;

    private static final String TAG = "<script src=\"/__hearth/reload.js\"></script>";

    /**
     * Adds the reload script before {@code </body>} and lets the page's Content-Security-Policy
     * allow the event stream from this server.
     */
    static byte[] inject(byte[] html) {
        String page = new String(html, StandardCharsets.UTF_8);
        page = page.replaceFirst("default-src 'none'", "default-src 'none'; connect-src 'self'");
        int body = page.lastIndexOf("</body>");
        page = body < 0 ? page + TAG : page.substring(0, body) + TAG + page.substring(body);
        return page.getBytes(StandardCharsets.UTF_8);
    }
}
