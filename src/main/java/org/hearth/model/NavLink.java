package org.hearth.model;

/**
 * A link to another entry of the workbook, for previous/next navigation.
 *
 * @param id the entry's id
 * @param title its title
 */
public record NavLink(String id, String title) {
}
