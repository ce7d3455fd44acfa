package org.hearth.render.pdf;

/** Lower-case roman numerals, for front-matter folios and page labels. */
final class Roman {

    private static final int[] VALUES = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
    private static final String[] DIGITS = {"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"};

    private Roman() {
    }

    static String lower(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < VALUES.length; i++) {
            while (n >= VALUES[i]) {
                s.append(DIGITS[i]);
                n -= VALUES[i];
            }
        }
        return s.toString();
    }
}
