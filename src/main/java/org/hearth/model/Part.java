package org.hearth.model;

/**
 * A part of the book, in the order {@code workbook.yml} lists them.
 *
 * @param id id that pages and exercises name in their {@code part} key
 * @param title heading shown in the table of contents and on part pages
 * @param summary one line shown under the title; may be empty
 */
public record Part(String id, String title, String summary) {
}
