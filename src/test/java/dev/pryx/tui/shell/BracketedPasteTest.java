package dev.pryx.tui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.DefaultKeyDecodingProfile;
import com.googlecode.lanterna.input.InputDecoder;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Bracketed paste markers")
class BracketedPasteTest {
    private static List<KeyStroke> decode(String input) throws IOException {
        InputDecoder decoder = new InputDecoder(new StringReader(input));
        decoder.addProfile(new DefaultKeyDecodingProfile());
        decoder.addProfile(() -> List.of(new BracketedPaste()));
        List<KeyStroke> keys = new ArrayList<>();
        for (KeyStroke k = decoder.getNextCharacter(false); k != null && k.getKeyType() != KeyType.EOF;
             k = decoder.getNextCharacter(false)) {
            keys.add(k);
        }
        return keys;
    }

    @Test
    @DisplayName("are decoded as start and end keys around the pasted characters, a newline inside included")
    void markersAroundText() throws IOException {
        List<KeyStroke> keys = decode("x\u001b[200~ab/\n\u001b[201~y");
        assertThat(keys).hasSize(8);
        assertThat(keys.get(0).getCharacter()).isEqualTo('x');
        assertThat(keys.get(1)).isEqualTo(new BracketedPaste.Marker(true));
        assertThat(keys.get(2).getCharacter()).isEqualTo('a');
        assertThat(keys.get(4).getCharacter()).isEqualTo('/');
        assertThat(keys.get(5).getKeyType()).isEqualTo(KeyType.Enter);
        assertThat(keys.get(6)).isEqualTo(new BracketedPaste.Marker(false));
        assertThat(keys.get(7).getCharacter()).isEqualTo('y');
    }

    @Test
    @DisplayName("leave other escape sequences alone (arrows, F5, a cursor report longer than the markers)")
    void otherSequences() throws IOException {
        List<KeyStroke> keys = decode("\u001b[A\u001b[15~\u001b[40;120R");
        assertThat(keys).extracting(KeyStroke::getKeyType)
                .containsExactly(KeyType.ArrowUp, KeyType.F5, KeyType.CursorLocation);
    }
}
