package io.stratum.core.addressbook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.stratum.core.api.ApiException;

class EntryDraftTest {
    @Test
    void shouldTrimLowerCaseTheEMailAndDropEmptyPhones() {
        EntryDraft draft = new EntryDraft("  Anna  ", null, "IT ", "", " Anna@Corp.Example ", Arrays.asList("", " +7 1 ", null), " ")
                .validated();

        assertEquals("Anna", draft.name());
        assertEquals("", draft.position());
        assertEquals("anna@corp.example", draft.email());
        assertEquals(List.of("+7 1"), draft.phones());
        assertNull(draft.avatarFileId());
    }

    @Test
    void shouldNameTheWrongField() {
        ApiException noName = assertThrows(ApiException.class, () -> new EntryDraft(" ", "", "", "", null, List.of(), null).validated());
        ApiException badMail = assertThrows(ApiException.class, () -> new EntryDraft("A", "", "", "", "nope", List.of(), null).validated());
        ApiException badPhone = assertThrows(ApiException.class,
                () -> new EntryDraft("A", "", "", "", null, List.of("<script>"), null).validated());

        assertEquals("name", noName.details().get("field"));
        assertEquals("email", badMail.details().get("field"));
        assertEquals("phones", badPhone.details().get("field"));
    }

    @Test
    void shouldMakePhonesSearchableWithoutSeparators() {
        String text = new EntryDraft("Olga", "Buyer", "Finance", "Corp", "o@corp.example", List.of("+7 (343) 200-10-20"), null)
                .validated().searchText();

        assertTrue(text.contains("+73432001020"), text);
        assertTrue(text.contains("olga"), text);
    }

    @Test
    void shouldEscapeLikePatternCharactersInEachWord() {
        assertArrayEquals(new String[] {"%100\\%%", "%a\\_b%"}, AddressBook.patterns("100%  a_b"));
        assertArrayEquals(new String[0], AddressBook.patterns(""));
    }
}
