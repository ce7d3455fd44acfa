package org.hearth.model;

import java.util.List;

/**
 * A part of the book with its entries.
 *
 * @param id the part's id
 * @param number 1-based position
 * @param title its title
 * @param summary its summary, or empty
 * @param entries its pages and exercises in order
 */
public record Section(String id, int number, String title, String summary, List<Entry> entries) {

    public Section {
        entries = List.copyOf(entries);
    }
}
