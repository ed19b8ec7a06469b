package id.loket.report;

/** The thermal paper roll a receipt is printed on; each width has its own template in {@code reports/}. */
public enum PaperWidth {
    MM58(58, "reports/receipt-58mm.jrxml"),
    MM80(80, "reports/receipt-80mm.jrxml");

    private final int millimetres;
    private final String template;

    PaperWidth(int millimetres, String template) {
        this.millimetres = millimetres;
        this.template = template;
    }

    public int millimetres() {
        return millimetres;
    }

    /** The class-path resource of the JRXML template. */
    String template() {
        return template;
    }

    /**
     * The width for a number of millimetres as settings store it ("58", "80").
     *
     * @throws IllegalArgumentException for a width no template exists for
     */
    public static PaperWidth ofMillimetres(int millimetres) {
        for (PaperWidth width : values()) {
            if (width.millimetres == millimetres) {
                return width;
            }
        }
        throw new IllegalArgumentException("No receipt template for " + millimetres + " mm paper (58 or 80)");
    }
}
