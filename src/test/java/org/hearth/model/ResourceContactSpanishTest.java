package org.hearth.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A number to text a word to opens the messages app with that word in Spanish contact text too
 * ("envía la palabra AYUDA por mensaje de texto al 988"), not a call: someone who cannot speak
 * safely texts for that reason. Numbers to call still dial.
 */
class ResourceContactSpanishTest {

    static List<String> links(String contact) {
        return new Resource("Estados Unidos", "988", "", contact, "", LocalDate.of(2026, 12, 2), null).contactParts().stream()
                .filter(p -> !p.href().isEmpty()).map(p -> p.href() + " " + p.text()).toList();
    }

    @Test
    void aSpanishTextLineOpensMessagesWithTheWord() {
        assertEquals(List.of("tel:988 988", "sms:988?&body=AYUDA 988"),
                links("Llama al 988 y marca el 2 para hablar en español, o envía la palabra AYUDA por mensaje de texto al 988. A cualquier hora"));
    }

    /** A WhatsApp-only number would ring no one if dialled; it stays plain text to copy into WhatsApp. */
    @Test
    void aWhatsAppNumberIsNotDialled() {
        assertEquals(List.of("tel:016 016"),
                links("Llama al 016, gratis y a cualquier hora, o escribe por WhatsApp al 600 000 016."));
    }
}
