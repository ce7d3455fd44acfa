package org.hearth.model;

/**
 * One day of a daily plan.
 *
 * @param day 1-based day number
 * @param date the day's date as readable text, or empty when the plan has no start date
 * @param prompt the day's prompt, placed with field id {@code day-N}
 * @param fromId id of the exercise the prompt comes from, or empty for the user's own prompts
 * @param fromTitle title of that exercise, or empty
 */
public record PlanDay(int day, String date, PlacedPrompt prompt, String fromId, String fromTitle) {

    /** The answer id of the Notes space print may add under the day's prompt (see {@link Entry#notesId()}). */
    public String notesId() {
        return "plan-day-" + day + "-notes";
    }
}
