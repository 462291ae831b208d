package cn.ruralfund.reporting.messaging;

import cn.ruralfund.platform.contracts.SalesRecordedV1;
import cn.ruralfund.platform.events.CloudEvent;
import cn.ruralfund.platform.events.EventContracts;
import cn.ruralfund.platform.inbox.Inbox;
import cn.ruralfund.platform.inbox.PoisonMessageException;
import cn.ruralfund.platform.reactive.UnitOfWork;
import cn.ruralfund.reporting.service.SalesFeed;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The machine feed of sales records consumed a poll at a time, with the Inbox's guarantees kept per record:
 * <ol>
 * <li>A record that is a complete, schema-valid {@code sales-recorded} event and passes the sales checks joins the
 * batch. Every other record (not a CloudEvent, breaking its schema, refused by the checks, or another type on the
 * topic) takes the ordinary path, {@link Inbox#apply}, one by one: poison is dead-lettered individually with its
 * reason, exactly as before. Those records change nothing, so taking them apart does not reorder any effect.</li>
 * <li>The batch is one transaction: the event ids are recorded in {@code processed_event} for this consumer (the
 * Inbox's own table and key) and only the ids recorded now, not before, are written, in their order (the ledger
 * applies a key seen twice as a later correction). A redelivered or replayed batch changes nothing.</li>
 * <li>If that transaction fails (a deadlock, a lost connection), nothing of it was committed, and every record of the
 * batch is applied through {@link Inbox#apply} in order, with its retries and dead letter.</li>
 * </ol>
 */
@ApplicationScoped
public class SalesFeedBatches {

    static final String CONSUMER = "sales-feed";
    private static final Logger LOG = Logger.getLogger(SalesFeedBatches.class);

    private final Inbox inbox;
    private final SalesFeed sales;
    private final Vertx vertx;
    private final ObjectMapper mapper;

    SalesFeedBatches(Inbox inbox, SalesFeed sales, Vertx vertx, ObjectMapper mapper) {
        this.inbox = inbox;
        this.sales = sales;
        this.vertx = vertx;
        // read as the Inbox reads: amounts as BigDecimal, a null for a primitive is an error
        this.mapper = mapper.copy()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    }

    public Uni<Void> apply(List<String> records) {
        List<SalesFeed.Item> items = new ArrayList<>();
        List<String> itemRecords = new ArrayList<>();
        List<String> single = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (String record : records) {
            SalesFeed.Item item = candidate(record);
            if (item != null && ids.add(item.event().id())) {
                items.add(item);
                itemRecords.add(record);
            } else {
                single.add(record); // poison, another type, or the same id again in this poll (the Inbox skips it)
            }
        }
        if (items.isEmpty()) {
            return one(single);
        }
        return UnitOfWork.onSafeContext(vertx, () -> Panache.withTransaction(() -> sales.check(items).chain(this::write)))
                .chain(() -> {
                    List<String> rest = new ArrayList<>();
                    for (int i = 0; i < items.size(); i++) {
                        if (!items.get(i).accepted()) {
                            rest.add(itemRecords.get(i)); // refused by the checks: dead-lettered with its reason
                        }
                    }
                    rest.addAll(single);
                    return one(rest);
                })
                .onFailure().recoverWithUni(e -> {
                    LOG.warnf("sales feed: a batch of %d records failed as a whole (%s); applying them one by one", records.size(), e.toString());
                    return one(records);
                });
    }

    /** A record that may join the batch, or null. */
    private SalesFeed.Item candidate(String record) {
        try {
            CloudEvent event = mapper.readValue(record, CloudEvent.class);
            if (event == null || !event.isComplete() || !SalesRecordedV1.TYPE.type().equals(event.type())
                    || !EventContracts.violations(event.type(), event.data()).isEmpty()) {
                return null;
            }
            return new SalesFeed.Item(event, inbox.data(event, SalesRecordedV1.class));
        } catch (PoisonMessageException | java.io.IOException e) {
            return null;
        }
    }

    /** Records the accepted events' ids for this consumer and writes those not recorded before. */
    private Uni<Void> write(List<SalesFeed.Item> items) {
        List<SalesFeed.Item> accepted = items.stream().filter(SalesFeed.Item::accepted).toList();
        if (accepted.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // one array parameter, bound as text and cast (the Vert.x client encodes by the type PostgreSQL infers)
        String ids = accepted.stream().map(i -> '"' + i.event().id().replace("\\", "\\\\").replace("\"", "\\\"") + '"')
                .collect(java.util.stream.Collectors.joining(",", "{", "}"));
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into processed_event (consumer, event_id, event_type, processed_at)
                        select :consumer, id, :type, now() from unnest(cast(cast(:ids as text) as text[])) as t(id)
                        on conflict do nothing returning event_id""", String.class)
                .setParameter("consumer", CONSUMER)
                .setParameter("type", SalesRecordedV1.TYPE.type())
                .setParameter("ids", ids)
                .getResultList())
                .chain(fresh -> {
                    Set<String> now = new HashSet<>(fresh);
                    return sales.applyChecked(accepted.stream().filter(i -> now.contains(i.event().id())).toList());
                });
    }

    /** The ordinary Inbox path, one record after another. */
    private Uni<Void> one(List<String> records) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String record : records) {
            chain = chain.chain(() -> inbox.apply(CONSUMER, record, this::handle));
        }
        return chain;
    }

    private Uni<Void> handle(CloudEvent event) {
        return SalesRecordedV1.TYPE.type().equals(event.type())
                ? sales.apply(event, inbox.data(event, SalesRecordedV1.class))
                : Uni.createFrom().voidItem(); // reporting-service's own events share the topic: skipped
    }
}
