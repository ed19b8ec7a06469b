package id.loket.report;

import javax.print.DocFlavor;
import javax.print.DocPrintJob;
import javax.print.PrintService;
import javax.print.ServiceUIFactory;
import javax.print.attribute.Attribute;
import javax.print.attribute.AttributeSet;
import javax.print.attribute.HashPrintServiceAttributeSet;
import javax.print.attribute.PrintServiceAttribute;
import javax.print.attribute.PrintServiceAttributeSet;
import javax.print.event.PrintServiceAttributeListener;

/**
 * An installed printer that takes no job: it supports no document flavour, so Java's printer job refuses it the
 * way it refuses a printer whose driver is broken. Anything beyond that lookup fails the test.
 */
final class UnusablePrintService implements PrintService {

    private final String name;

    UnusablePrintService(String name) {
        this.name = name;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public DocPrintJob createPrintJob() {
        throw new AssertionError("A job was created on the unusable printer " + name);
    }

    @Override
    public void addPrintServiceAttributeListener(PrintServiceAttributeListener listener) {
        throw new AssertionError("Not expected");
    }

    @Override
    public void removePrintServiceAttributeListener(PrintServiceAttributeListener listener) {
        throw new AssertionError("Not expected");
    }

    @Override
    public PrintServiceAttributeSet getAttributes() {
        return new HashPrintServiceAttributeSet();
    }

    @Override
    public <T extends PrintServiceAttribute> T getAttribute(Class<T> category) {
        return null;
    }

    @Override
    public DocFlavor[] getSupportedDocFlavors() {
        return new DocFlavor[0];
    }

    @Override
    public boolean isDocFlavorSupported(DocFlavor flavor) {
        return false;
    }

    @Override
    public Class<?>[] getSupportedAttributeCategories() {
        return new Class<?>[0];
    }

    @Override
    public boolean isAttributeCategorySupported(Class<? extends Attribute> category) {
        return false;
    }

    @Override
    public Object getDefaultAttributeValue(Class<? extends Attribute> category) {
        return null;
    }

    @Override
    public Object getSupportedAttributeValues(Class<? extends Attribute> category, DocFlavor flavor,
            AttributeSet attributes) {
        return null;
    }

    @Override
    public boolean isAttributeValueSupported(Attribute value, DocFlavor flavor, AttributeSet attributes) {
        return false;
    }

    @Override
    public AttributeSet getUnsupportedAttributes(DocFlavor flavor, AttributeSet attributes) {
        return attributes;
    }

    @Override
    public ServiceUIFactory getServiceUIFactory() {
        return null;
    }

    @Override
    public String toString() {
        return "unusable printer " + name;
    }
}
