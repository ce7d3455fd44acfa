package org.hearth.model;

/**
 * A prompt as it appears in one place of the workbook.
 *
 * @param fieldId unique, readable name for its answer: the place's id and the prompt's id
 * @param number its number within the place, from 1
 * @param prompt the prompt
 */
public record PlacedPrompt(String fieldId, int number, Prompt prompt) {
}
