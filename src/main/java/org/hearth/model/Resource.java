package org.hearth.model;

import java.time.LocalDate;
import org.hearth.diag.Position;

/**
 * A support or crisis resource from {@code content/data/resources.yml}.
 *
 * @param region where it serves
 * @param name its name
 * @param contact how to reach it
 * @param url its web address
 * @param verified when the entry was last checked
 * @param position where it is defined
 */
public record Resource(String region, String name, String contact, String url, LocalDate verified, Position position) {
}
