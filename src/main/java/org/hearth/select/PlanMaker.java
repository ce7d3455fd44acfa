package org.hearth.select;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.hearth.config.Plan;
import org.hearth.model.Entry;
import org.hearth.model.PlacedPrompt;
import org.hearth.model.PlanDay;

/**
 * Turns the selected prompts into a daily plan. Days take prompts in turn from each exercise in
 * book order (one from the first exercise, one from the second, …), so themes vary from day to
 * day; there is no randomness, so the same input always gives the same plan.
 */
final class PlanMaker {

    List<PlanDay> make(Plan plan, LocalDate fallbackStart, List<Entry> entries, List<PlacedPrompt> mine, String language) {
        List<Entry> withPrompts = entries.stream().filter(e -> !e.prompts().isEmpty()).toList();
        List<PlanDay> order = new ArrayList<>();
        int longest = withPrompts.stream().mapToInt(e -> e.prompts().size()).max().orElse(0);
        for (int round = 0; round < Math.max(longest, mine.size()); round++) {
            for (Entry e : withPrompts) {
                if (round < e.prompts().size()) {
                    order.add(new PlanDay(0, "", e.prompts().get(round), e.id(), e.title()));
                }
            }
            if (round < mine.size()) {
                order.add(new PlanDay(0, "", mine.get(round), "", ""));
            }
        }
        if (order.isEmpty()) {
            return List.of();
        }
        LocalDate start = plan.start() != null ? plan.start() : fallbackStart;
        DateTimeFormatter format = org.hearth.i18n.Dates.longFormat(language);
        List<PlanDay> days = new ArrayList<>();
        for (int i = 0; i < plan.days(); i++) {
            PlanDay from = order.get(i % order.size());
            PlacedPrompt placed = new PlacedPrompt("day-" + (i + 1), 1, from.prompt().prompt());
            String date = start == null ? "" : start.plusDays(i).format(format);
            days.add(new PlanDay(i + 1, date, placed, from.fromId(), from.fromTitle()));
        }
        return days;
    }
}
