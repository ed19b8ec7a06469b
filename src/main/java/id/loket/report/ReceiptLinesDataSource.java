package id.loket.report;

import java.util.Iterator;
import java.util.List;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRField;

/**
 * Feeds {@link ReceiptLine}s to a receipt template as the fields {@code kind}, {@code label} and {@code value}.
 * Hand-written rather than a bean data source: records have no JavaBean getters, and this needs no reflection.
 */
final class ReceiptLinesDataSource implements JRDataSource {

    private final Iterator<ReceiptLine> lines;
    private ReceiptLine current;

    ReceiptLinesDataSource(List<ReceiptLine> lines) {
        this.lines = List.copyOf(lines).iterator();
    }

    @Override
    public boolean next() {
        if (!lines.hasNext()) {
            return false;
        }
        current = lines.next();
        return true;
    }

    @Override
    public Object getFieldValue(JRField field) throws JRException {
        if (current == null) {
            throw new JRException("Field " + field.getName() + " read before the first line");
        }
        return switch (field.getName()) {
            case "kind" -> current.kind().name();
            case "label" -> current.label();
            case "value" -> current.value();
            default -> throw new JRException("Receipt lines have no field '" + field.getName()
                    + "' (kind, label, value)");
        };
    }
}
