package dev.pryx.tui.palette;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The palette model")
class PaletteModelTest {
    private static PaletteModel model(int models) {
        List<PaletteItem> items = new ArrayList<>(PaletteActions.COMMANDS);
        items.add(PaletteItem.catalogProvider("openai", "OpenAI"));
        for (int i = 0; i < models; i++) {
            items.add(PaletteItem.model("p" + i, "Provider " + i, "model-" + i, "Model " + i));
        }
        return new PaletteModel(new PaletteSearch(items));
    }

    @Test
    @DisplayName("puts the best match first and selects it")
    void bestFirst() {
        PaletteModel m = model(10);
        m.setQuery("openai");
        assertThat(m.results().get(0).item().id()).isEqualTo("openai");
        assertThat(m.selectedIndex()).isZero();
    }

    @Test
    @DisplayName("shows at most 200 results, and says there are more")
    void capped() {
        PaletteModel m = model(1000);
        m.setQuery("model");
        assertThat(m.results()).hasSize(PaletteModel.LIMIT);
        assertThat(m.summary()).startsWith("200+ of 1,");
    }

    @Test
    @DisplayName("keeps the selection inside the results when moving past either end")
    void moveClamped() {
        PaletteModel m = model(3);
        m.setQuery("model");
        m.move(-5);
        assertThat(m.selectedIndex()).isZero();
        m.move(50);
        assertThat(m.selectedIndex()).isEqualTo(m.results().size() - 1);
    }

    @Test
    @DisplayName("returns nothing to run when nothing matches")
    void noMatch() {
        PaletteModel m = model(3);
        m.setQuery("zzzzqqq");
        assertThat(m.results()).isEmpty();
        assertThat(m.choose()).isNull();
    }

    @Test
    @DisplayName("ranks a chosen item higher the next time")
    void recentBoost() {
        PaletteModel m = model(3);
        m.setQuery("u");
        int before = indexOf(m, "quit");
        m.select(before);
        assertThat(m.choose().id()).isEqualTo("quit");
        m.setQuery("u");
        assertThat(indexOf(m, "quit")).isLessThan(before);
    }

    private static int indexOf(PaletteModel m, String id) {
        for (int i = 0; i < m.results().size(); i++) {
            if (m.results().get(i).item().id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
