package org.hearth.model;

/**
 * A prompt as it appears in one place of the workbook.
 *
 * @param fieldId unique, readable name for its answer: the place's id and the prompt's id
 * @param number its number within the place, from 1
 * @param prompt the prompt
 */
public record PlacedPrompt(String fieldId, int number, Prompt prompt) {

    /**
     * The answer id of a checklist's own item, written on its "Other:" line (print) or in its Other
     * field (site); only a checklist with {@code other: true} has one.
     */
    public String otherId() {
        return fieldId + "-other";
    }
}
