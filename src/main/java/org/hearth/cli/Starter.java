package org.hearth.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** The content of a new project made by {@code hearth init}: small, complete and safe to publish. */
final class Starter {

    private Starter() {
    }

    static Map<String, String> files(String title) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("workbook.yml", """
                # Your workbook. The README's "Content format" section lists every key.
                # The id keys the answers readers save in their browser: keep it when you rename the book.
                id: %s
                title: %s
                subtitle: A journaling workbook
                author: ""
                language: en
                page_size: A4
                parts:
                  - id: begin
                    title: Before you begin
                  - id: exercises
                    title: Exercises
                    summary: Small practices to try at your own pace.
                # Without a selection, every prompt your exercises offer is included.
                """.formatted(org.hearth.config.ConfigLoader.slug(title), yamlString(title)));
        files.put("pages/welcome.md", """
                ---
                id: welcome
                title: Welcome
                summary: What this workbook is for and how to use it.
                part: begin
                order: 10
                ---
                This workbook is yours. Go at your own pace, skip anything that does not fit, and come back
                whenever you like. Each exercise explains why it helps and how to do it, and ends with prompts
                and space to write.

                Please read [Safety and support](safety.md) before you start.
                """);
        files.put("pages/safety.md", """
                ---
                id: safety
                title: Safety and support
                summary: Where to find help, and when to pause.
                part: begin
                order: 20
                ---
                Writing about your life can bring up strong feelings. You can stop at any time. If you feel
                overwhelmed, put your feet on the floor, breathe out slowly, and name five things you can see.

                This workbook is not a replacement for care from a professional. If you are in danger or
                thinking about harming yourself, call your local emergency number or one of these services:

                ```resources
                ```
                """);
        files.put("exercises/three-good-things.md", """
                ---
                id: three-good-things
                title: Three good things
                summary: End the day by noticing three things that went well, however small.
                part: exercises
                order: 10
                tags: [joy]
                duration: 5 minutes
                intensity: gentle
                prompts: [good-today, good-why, good-rating]
                ---
                ## Why it helps

                Our attention is drawn to what went wrong. Writing down what went right, every day for a week,
                trains it to notice the good as well.

                ## How to do it

                1. Before bed, think back over your day.
                2. Write down three things that went well.
                3. For each one, add why you think it happened.
                """);
        files.put("prompts/prompts.yml", """
                - id: good-today
                  text: What are three things that went well today?
                  kind: journal
                  tags: [joy]
                  intensity: gentle
                  space: 6
                - id: good-why
                  text: Pick one of them. Why do you think it happened?
                  kind: journal
                  tags: [joy]
                  intensity: gentle
                  space: 4
                - id: good-rating
                  text: How was today, all in all?
                  kind: rating
                  tags: [joy]
                  intensity: gentle
                  scale: 1-5
                  low: Hard
                  high: Good
                """);
        files.put("data/resources.yml", """
                # Support services shown by the resources block. Check each one at least once a year and
                # update 'verified'; `hearth check` warns after 12 months.
                - region: International
                  name: Find A Helpline
                  contact: Free directory of crisis lines in many countries
                  url: https://findahelpline.com/
                  verified: 2026-11-24
                """);
        return files;
    }

    /** A YAML double-quoted string, so any title is safe. */
    private static String yamlString(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
