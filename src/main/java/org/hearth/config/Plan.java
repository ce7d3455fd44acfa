package org.hearth.config;

import java.time.LocalDate;
import org.hearth.diag.Position;

/**
 * A daily plan: {@code plan:} in workbook.yml.
 *
 * @param days how many days
 * @param start the first day's date, or null (then the person's start date, or undated days)
 * @param position where {@code plan:} is written
 */
public record Plan(int days, LocalDate start, Position position) {
}
