package id.loket.upstream.digiflazz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.loket.core.Money;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last price list Digiflazz gave, kept in the data directory: Digiflazz allows the whole list once per five
 * minutes (RC 83 otherwise) and its filtered answers can be 10-15 minutes stale, so the counter sells from this copy
 * and shows its age when Digiflazz cannot be reached. Written atomically (a temporary file moved into place); a
 * copy that cannot be read is treated as none, never as an empty catalog that sells nothing.
 */
final class PriceListCache {

    private static final Logger LOG = LoggerFactory.getLogger(PriceListCache.class);

    /** A price list as fetched at {@code fetchedAt}. */
    record Snapshot(Instant fetchedAt, List<PriceListRow> prepaid, List<PascaPriceListRow> pasca) {
        Snapshot {
            prepaid = List.copyOf(prepaid);
            pasca = List.copyOf(pasca);
        }
    }

    private final Path file;
    private final ObjectMapper json = JsonMapper.builder().build();

    PriceListCache(Path file) {
        this.file = file;
    }

    Optional<Snapshot> load() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode root = json.readTree(Files.readAllBytes(file));
            Instant at = Instant.parse(root.path("fetched_at").asText());
            List<PriceListRow> prepaid = new ArrayList<>();
            for (JsonNode r : root.path("prepaid")) {
                prepaid.add(new PriceListRow(r.path("product_name").asText(), r.path("category").asText(),
                        r.path("brand").asText(), r.path("type").asText(), r.path("seller_name").asText(),
                        Money.of(r.path("price").asLong()), r.path("buyer_sku_code").asText(),
                        r.path("buyer_product_status").asBoolean(), r.path("seller_product_status").asBoolean(),
                        r.path("unlimited_stock").asBoolean(), r.path("stock").asLong(), r.path("multi").asBoolean(),
                        r.path("start_cut_off").asText(), r.path("end_cut_off").asText(), r.path("desc").asText()));
            }
            List<PascaPriceListRow> pasca = new ArrayList<>();
            for (JsonNode r : root.path("pasca")) {
                pasca.add(new PascaPriceListRow(r.path("product_name").asText(), r.path("category").asText(),
                        r.path("brand").asText(), r.path("seller_name").asText(), Money.of(r.path("admin").asLong()),
                        Money.of(r.path("commission").asLong()), r.path("buyer_sku_code").asText(),
                        r.path("buyer_product_status").asBoolean(), r.path("seller_product_status").asBoolean(),
                        r.path("desc").asText()));
            }
            return Optional.of(new Snapshot(at, prepaid, pasca));
        } catch (IOException | RuntimeException e) {
            LOG.warn("The kept Digiflazz price list {} cannot be read ({}); it is ignored until the next fetch", file,
                    e.toString());
            return Optional.empty();
        }
    }

    /** Keeps {@code snapshot}; a failure to write is logged and costs only the copy (the catalog in memory stays). */
    void save(Snapshot snapshot) {
        ObjectNode root = json.createObjectNode();
        root.put("fetched_at", snapshot.fetchedAt().toString());
        ArrayNode prepaid = root.putArray("prepaid");
        for (PriceListRow r : snapshot.prepaid()) {
            prepaid.addObject().put("product_name", r.productName()).put("category", r.category())
                    .put("brand", r.brand()).put("type", r.type()).put("seller_name", r.sellerName())
                    .put("price", r.price().rupiah()).put("buyer_sku_code", r.buyerSkuCode())
                    .put("buyer_product_status", r.buyerProductStatus())
                    .put("seller_product_status", r.sellerProductStatus())
                    .put("unlimited_stock", r.unlimitedStock()).put("stock", r.stock()).put("multi", r.multi())
                    .put("start_cut_off", r.startCutOff()).put("end_cut_off", r.endCutOff()).put("desc", r.desc());
        }
        ArrayNode pasca = root.putArray("pasca");
        for (PascaPriceListRow r : snapshot.pasca()) {
            pasca.addObject().put("product_name", r.productName()).put("category", r.category())
                    .put("brand", r.brand()).put("seller_name", r.sellerName()).put("admin", r.admin().rupiah())
                    .put("commission", r.commission().rupiah()).put("buyer_sku_code", r.buyerSkuCode())
                    .put("buyer_product_status", r.buyerProductStatus())
                    .put("seller_product_status", r.sellerProductStatus()).put("desc", r.desc());
        }
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(temporary, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.warn("Could not keep the Digiflazz price list in {} ({}); the counter sells from memory", file,
                    e.toString());
        }
    }
}
