/*
 * A parser on a thread of its own (parse.h, parse_threaded()): reading,
 * decompressing, JSON and mapping on one core while the store writes on
 * the other. The import of VCDB splits about evenly between the two
 * (callgrind: 1,406 M instructions to parse and map, 1,375 M to store).
 *
 * The parser's thread hands over items: a record, or a message line it
 * would have printed (error_redirect() catches them). Items go in batches
 * of BATCH through a queue of at most QUEUED batches, so that the threads
 * meet once per batch, not per record, and what is parsed but not yet
 * stored stays bounded (a few hundred records) whatever the file's size.
 * The calling thread prints each message and stores each record in the
 * order the parser made them: the output is the one a serial import
 * gives, line for line.
 *
 * Memory: a record is freed on the parser's thread, which allocated it.
 * The calling thread hands each batch it has stored back (`spent`), and
 * the parser frees them at its next hand-over: glibc's free() of a block
 * another thread allocated takes that thread's arena lock, and the two
 * threads contended for it on every record (an import of VCDB made 749
 * futex calls, and makes 162).
 *
 * Stopping: when on_record refuses a record, the calling thread sets
 * `stop`; the parser learns it at its next hand-over (its on_record then
 * returns -1, as it would have for the refused one), and everything it
 * made after the refused record is thrown away unprinted, its counts too.
 */
#include "parse.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/banned.h"

#define BATCH 64
#define QUEUED 4

struct item {
	struct incident inc;	/* a record, when msg is NULL */
	char *msg;		/* a message line, with its '\n' */
	size_t msg_len;
	long records, rejected;	/* the parser's counts as it made the item */
	unsigned long long digest;	/* the record's */
};

struct batch {
	struct batch *next;
	size_t n;
	struct item item[BATCH];
};

struct pipe {
	pthread_mutex_t lock;
	pthread_cond_t not_empty, not_full;
	struct batch *head, *tail;	/* handed over, oldest first */
	struct batch *spent;		/* stored, for the parser's thread to free */
	size_t queued;
	int stop;			/* the caller wants no more */
	int done;			/* the parser has returned */
	int parse_ret;

	/* The parser's thread's own. */
	int (*parse)(struct parse_ctx *ctx);
	struct parse_ctx *ctx;
	struct batch *filling;
	struct buf msg;			/* a message line being caught */
};

static void item_release(struct item *it)
{
	if (it->msg)
		free(it->msg);
	else
		incident_release(&it->inc);
}

static void batch_free(struct batch *b)
{
	for (size_t i = 0; i < b->n; i++)
		item_release(&b->item[i]);
	free(b);
}

static void batches_free(struct batch *b)
{
	while (b) {
		struct batch *next = b->next;

		batch_free(b);
		b = next;
	}
}

/* Queues the batch being filled; -1 (and drops it) once the caller stopped. */
static int hand_over(struct pipe *p)
{
	struct batch *b = p->filling, *spent;
	int stopped;

	p->filling = NULL;
	if (!b)
		return 0;
	pthread_mutex_lock(&p->lock);
	spent = p->spent;
	p->spent = NULL;
	while (p->queued >= QUEUED && !p->stop)
		pthread_cond_wait(&p->not_full, &p->lock);
	stopped = p->stop;
	if (!stopped) {
		if (p->tail)
			p->tail->next = b;
		else
			p->head = b;
		p->tail = b;
		p->queued++;
		pthread_cond_signal(&p->not_empty);
	}
	pthread_mutex_unlock(&p->lock);
	batches_free(spent);
	if (stopped)
		batch_free(b);
	return stopped ? -1 : 0;
}

/* Takes `it` into the batch being filled. 0 to go on, -1 to stop. */
static int push(struct pipe *p, const struct item *it)
{
	if (!p->filling) {
		p->filling = xmalloc(sizeof(*p->filling));
		p->filling->next = NULL;
		p->filling->n = 0;
	}
	p->filling->item[p->filling->n] = *it;
	p->filling->item[p->filling->n].records = p->ctx->records;
	p->filling->item[p->filling->n].rejected = p->ctx->rejected;
	if (++p->filling->n < BATCH)
		return 0;
	return hand_over(p);
}

/*
 * The parser's on_record: the record moves into the queue, with its
 * digest, which is made here so that the thread that stores, the busier
 * of the two, does not have to.
 */
static int take_record(struct parse_ctx *ctx, struct incident *inc)
{
	struct item it = { .inc = *inc, .digest = incident_digest(inc) };

	incident_init(inc);
	return push(ctx->data, &it);
}

/* The parser's thread's messages, caught whole before they are queued. */
static void take_message(void *data, const char *text, size_t len)
{
	struct pipe *p = data;
	struct item it = { .msg = NULL };

	buf_add(&p->msg, text, len);
	if (!len || text[len - 1] != '\n')
		return;
	it.msg = buf_detach(&p->msg, &it.msg_len);
	push(p, &it);	/* once stopped, the line is dropped: no parser returns early here */
}

static void *run_parser(void *arg)
{
	struct pipe *p = arg;
	int ret;

	error_redirect(take_message, p);
	ret = p->parse(p->ctx);
	error_redirect(NULL, NULL);
	hand_over(p);
	pthread_mutex_lock(&p->lock);
	p->done = 1;
	p->parse_ret = ret;
	pthread_cond_signal(&p->not_empty);
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

/*
 * Hands back `done`, the batch just stored (NULL: none), for the parser's
 * thread to free, and takes the next: NULL when the parser is done and all
 * is taken.
 */
static struct batch *take_batch(struct pipe *p, struct batch *done)
{
	struct batch *b;

	pthread_mutex_lock(&p->lock);
	if (done) {
		done->next = p->spent;
		p->spent = done;
	}
	while (!p->head && !p->done)
		pthread_cond_wait(&p->not_empty, &p->lock);
	b = p->head;
	if (b) {
		p->head = b->next;
		if (!p->head)
			p->tail = NULL;
		p->queued--;
		pthread_cond_signal(&p->not_full);
	}
	pthread_mutex_unlock(&p->lock);
	return b;
}

static void set_stop(struct pipe *p)
{
	pthread_mutex_lock(&p->lock);
	p->stop = 1;
	pthread_cond_signal(&p->not_full);
	pthread_mutex_unlock(&p->lock);
}

/*
 * Prints the messages and stores the records of the batches in order,
 * calling the caller's on_record with `view`. On the first refusal, sets
 * stop and keeps the counts of the refused record in *stopped_at.
 */
static int consume(struct pipe *p, struct parse_ctx *view, struct item *stopped_at)
{
	struct batch *b = NULL;
	int failed = 0;

	while ((b = take_batch(p, b))) {
		for (size_t i = 0; i < b->n && !failed; i++) {
			struct item *it = &b->item[i];

			if (it->msg) {
				error_write(it->msg, it->msg_len);
				continue;
			}
			view->records = it->records;
			view->rejected = it->rejected;
			view->digest = it->digest;
			if (view->on_record(view, &it->inc) < 0) {
				failed = 1;
				stopped_at->records = it->records;
				stopped_at->rejected = it->rejected;
				set_stop(p);
			}
		}
	}
	return failed ? -1 : 0;
}

int parse_threaded(int (*parse)(struct parse_ctx *ctx), struct parse_ctx *ctx)
{
	struct pipe p = { .parse = parse, .ctx = ctx };
	struct parse_ctx view = *ctx;
	struct item stopped_at = { .records = 0 };
	pthread_t thread;
	int ret;

	view.in = NULL;
	buf_init(&p.msg);
	pthread_mutex_init(&p.lock, NULL);
	pthread_cond_init(&p.not_empty, NULL);
	pthread_cond_init(&p.not_full, NULL);
	ctx->on_record = take_record;
	ctx->data = &p;
	if (pthread_create(&thread, NULL, run_parser, &p)) {
		/* No second thread to be had: the work is the same on this one. */
		ctx->on_record = view.on_record;
		ctx->data = view.data;
		ret = parse(ctx);
		goto out;
	}
	ret = consume(&p, &view, &stopped_at);
	pthread_join(thread, NULL);
	/* What the parser did not get back before it returned. */
	batches_free(p.spent);
	ctx->on_record = view.on_record;
	ctx->data = view.data;
	if (ret < 0) {
		ctx->records = stopped_at.records;
		ctx->rejected = stopped_at.rejected;
	} else {
		ret = p.parse_ret;
	}
out:
	pthread_cond_destroy(&p.not_full);
	pthread_cond_destroy(&p.not_empty);
	pthread_mutex_destroy(&p.lock);
	buf_release(&p.msg);
	return ret;
}
