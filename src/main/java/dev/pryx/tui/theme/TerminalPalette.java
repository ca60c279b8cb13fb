package dev.pryx.tui.theme;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;

/**
 * The xterm colour palette and "nearest colour" searches over it, for drawing a 24-bit theme on a
 * terminal with fewer colours.
 *
 * <p>Indexes 0 to 15 are the ANSI colours with xterm's default RGB values (real terminals let the
 * user change them, so these are only the best guess); 16 to 231 are the 6x6x6 cube with levels
 * 0, 95, 135, 175, 215, 255; 232 to 255 are the grey ramp 8, 18, ..., 238.
 *
 * <p>Distance is CIE76: Euclidean distance in CIE L*a*b* (sRGB, D65 white). Plain RGB distance
 * treats a step in blue like a step in green, which the eye does not, and picks visibly wrong
 * greys for dark UI colours; CIE76 is cheap and good enough for choosing among at most 240
 * fixed candidates.
 */
final class TerminalPalette {
    /** The first cube index; 0-15 are left out of 256-colour searches because users re-colour them. */
    static final int CUBE_START = 16;
    static final int GREY_START = 232;
    static final int SIZE = 256;
    static final int ANSI_SIZE = 16;

    private static final int[] ANSI_RGB = {
        0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd, 0x00cdcd, 0xe5e5e5,
        0x7f7f7f, 0xff0000, 0x00ff00, 0xffff00, 0x5c5cff, 0xff00ff, 0x00ffff, 0xffffff,
    };

    /** Lanterna's {@code TextColor.ANSI} constant names, by index; upper case on purpose (see {@link #ansiName}). */
    private static final String[] ANSI_NAMES = {
        "BLACK", "RED", "GREEN", "YELLOW", "BLUE", "MAGENTA", "CYAN", "WHITE",
        "BLACK_BRIGHT", "RED_BRIGHT", "GREEN_BRIGHT", "YELLOW_BRIGHT",
        "BLUE_BRIGHT", "MAGENTA_BRIGHT", "CYAN_BRIGHT", "WHITE_BRIGHT",
    };

    private static final int[] RGB = new int[SIZE];
    private static final double[][] LAB = new double[SIZE][];

    static {
        System.arraycopy(ANSI_RGB, 0, RGB, 0, ANSI_SIZE);
        for (int i = CUBE_START; i < GREY_START; i++) {
            int n = i - CUBE_START;
            RGB[i] = rgb(cubeLevel(n / 36), cubeLevel(n / 6 % 6), cubeLevel(n % 6));
        }
        for (int i = GREY_START; i < SIZE; i++) {
            int v = 8 + 10 * (i - GREY_START);
            RGB[i] = rgb(v, v, v);
        }
        for (int i = 0; i < SIZE; i++) {
            LAB[i] = lab(RGB[i]);
        }
    }

    private TerminalPalette() {
    }

    static int rgb(int red, int green, int blue) {
        return red << 16 | green << 8 | blue;
    }

    private static int cubeLevel(int step) {
        return step == 0 ? 0 : 55 + 40 * step;
    }

    /** The RGB value xterm shows for a palette index, as {@code 0xrrggbb}. */
    static int rgbOf(int index) {
        return RGB[index];
    }

    /** The nearest colour of the cube and the grey ramp (16-255). */
    static int nearest256(int rgb) {
        return ranked256(rgb)[0];
    }

    /** The nearest ANSI colour (0-15). */
    static int nearestAnsi(int rgb) {
        return rankedAnsi(rgb)[0];
    }

    /** Indexes 16-255, nearest to {@code rgb} first; ties go to the lower index. */
    static int[] ranked256(int rgb) {
        return ranked(rgb, CUBE_START, SIZE);
    }

    /** Indexes 0-15, nearest to {@code rgb} first; ties go to the lower index. */
    static int[] rankedAnsi(int rgb) {
        return ranked(rgb, 0, ANSI_SIZE);
    }

    private static int[] ranked(int rgb, int from, int to) {
        double[] target = lab(rgb);
        double[] distance = new double[SIZE];
        Integer[] order = new Integer[to - from];
        for (int i = from; i < to; i++) {
            distance[i] = distance(target, LAB[i]);
            order[i - from] = i;
        }
        // A stable sort keeps equal distances in index order, so the result never depends on chance.
        Arrays.sort(order, Comparator.comparingDouble(i -> distance[i]));
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    /**
     * The name Lanterna's {@code TextColor.Factory.fromString} accepts for an ANSI index. Lanterna
     * upper-cases the value with the default locale before looking the name up, which turns
     * {@code white} into {@code WHİTE} under a Turkish locale; writing the name upper case already
     * sidesteps that.
     */
    static String ansiName(int index) {
        return ANSI_NAMES[index];
    }

    /** The ANSI index for a Lanterna colour name in any case, or -1 (also for {@code default}). */
    static int ansiIndex(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        for (int i = 0; i < ANSI_SIZE; i++) {
            if (ANSI_NAMES[i].equals(upper)) {
                return i;
            }
        }
        return -1;
    }

    /** CIE76 colour difference between two {@code 0xrrggbb} colours. */
    static double distance(int rgb1, int rgb2) {
        return distance(lab(rgb1), lab(rgb2));
    }

    private static double distance(double[] a, double[] b) {
        double dl = a[0] - b[0];
        double da = a[1] - b[1];
        double db = a[2] - b[2];
        return Math.sqrt(dl * dl + da * da + db * db);
    }

    private static double[] lab(int rgb) {
        double r = linear(rgb >> 16 & 0xff);
        double g = linear(rgb >> 8 & 0xff);
        double b = linear(rgb & 0xff);
        // sRGB to XYZ, already divided by the D65 white point (0.95047, 1, 1.08883).
        double x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
        double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
        double z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static double f(double t) {
        double delta = 6.0 / 29;
        return t > delta * delta * delta ? Math.cbrt(t) : t / (3 * delta * delta) + 4.0 / 29;
    }
}
