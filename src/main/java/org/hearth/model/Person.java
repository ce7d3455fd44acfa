package org.hearth.model;

import java.time.LocalDate;

/**
 * Who a personalised copy is for.
 *
 * @param name the person's name
 * @param startDate when they start, or null
 * @param dedication a dedication line, or empty
 */
public record Person(String name, LocalDate startDate, String dedication) {
}
