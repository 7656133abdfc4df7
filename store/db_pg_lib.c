/*
 * libpq, opened when a store on a PostgreSQL server is opened, not linked.
 *
 * Linked, libpq (with OpenSSL, Kerberos, LDAP and what those need) was
 * loaded and relocated by every command before main(): 18 M instructions,
 * more than an `ibrief query` on a SQLite store costs in all. So this file
 * defines the libpq functions the backend calls, by their own names and
 * with the header's prototypes, each calling the library's function
 * through a pointer that pg_lib_load() fills (util/dynlib.h). The backend
 * reads as plain libpq; a function it starts to use and this file lacks
 * is an undefined reference at link time, never a silent failure.
 *
 * Every other libpq object comes from PQconnectdbParams(), so only
 * pg_lib_load() needs to run first; PQclear() and PQfinish() take NULL as
 * libpq's own do, before the library is loaded too.
 */
#include "db_pg.h"

#include "../util/dynlib.h"
#include "../util/util.h"
#include "../util/banned.h"

#define PQ_SONAME "libpq.so.5"

static struct {
	void *handle;
	PGconn *(*connectdb_params)(const char *const *keys, const char *const *values,
				    int expand_dbname);
	void (*finish)(PGconn *conn);
	ConnStatusType (*status)(const PGconn *conn);
	PGTransactionStatusType (*transaction_status)(const PGconn *conn);
	char *(*error_message)(const PGconn *conn);
	char *(*db)(const PGconn *conn);
	char *(*host)(const PGconn *conn);
	char *(*port)(const PGconn *conn);
	PQnoticeProcessor (*set_notice_processor)(PGconn *conn, PQnoticeProcessor proc,
						  void *arg);
	PGresult *(*exec)(PGconn *conn, const char *query);
	PGresult *(*prepare)(PGconn *conn, const char *name, const char *query, int nparams,
			     const Oid *types);
	int (*send_query_prepared)(PGconn *conn, const char *name, int nparams,
				   const char *const *values, const int *lengths,
				   const int *formats, int result_format);
	const char *(*parameter_status)(const PGconn *conn, const char *name);
	int (*set_single_row_mode)(PGconn *conn);
	PGresult *(*get_result)(PGconn *conn);
	void (*clear)(PGresult *res);
	ExecStatusType (*result_status)(const PGresult *res);
	char *(*result_error_message)(const PGresult *res);
	char *(*result_error_field)(const PGresult *res, int code);
	int (*ntuples)(const PGresult *res);
	int (*nfields)(const PGresult *res);
	Oid (*ftype)(const PGresult *res, int field);
	char *(*getvalue)(const PGresult *res, int row, int field);
	int (*getisnull)(const PGresult *res, int row, int field);
} pq;

int pg_lib_load(const char *name)
{
	static const struct dynlib_sym syms[] = {
		DYNLIB_SYM("PQconnectdbParams", pq.connectdb_params),
		DYNLIB_SYM("PQfinish", pq.finish),
		DYNLIB_SYM("PQstatus", pq.status),
		DYNLIB_SYM("PQtransactionStatus", pq.transaction_status),
		DYNLIB_SYM("PQerrorMessage", pq.error_message),
		DYNLIB_SYM("PQdb", pq.db),
		DYNLIB_SYM("PQhost", pq.host),
		DYNLIB_SYM("PQport", pq.port),
		DYNLIB_SYM("PQsetNoticeProcessor", pq.set_notice_processor),
		DYNLIB_SYM("PQexec", pq.exec),
		DYNLIB_SYM("PQprepare", pq.prepare),
		DYNLIB_SYM("PQsendQueryPrepared", pq.send_query_prepared),
		DYNLIB_SYM("PQparameterStatus", pq.parameter_status),
		DYNLIB_SYM("PQsetSingleRowMode", pq.set_single_row_mode),
		DYNLIB_SYM("PQgetResult", pq.get_result),
		DYNLIB_SYM("PQclear", pq.clear),
		DYNLIB_SYM("PQresultStatus", pq.result_status),
		DYNLIB_SYM("PQresultErrorMessage", pq.result_error_message),
		DYNLIB_SYM("PQresultErrorField", pq.result_error_field),
		DYNLIB_SYM("PQntuples", pq.ntuples),
		DYNLIB_SYM("PQnfields", pq.nfields),
		DYNLIB_SYM("PQftype", pq.ftype),
		DYNLIB_SYM("PQgetvalue", pq.getvalue),
		DYNLIB_SYM("PQgetisnull", pq.getisnull),
	};

	return dynlib_load(&pq.handle, PQ_SONAME, "libpq5", syms, ARRAY_SIZE(syms), name);
}

PGconn *PQconnectdbParams(const char *const *keywords, const char *const *values,
			  int expand_dbname)
{
	return pq.connectdb_params(keywords, values, expand_dbname);
}

void PQfinish(PGconn *conn)
{
	if (conn)
		pq.finish(conn);
}

ConnStatusType PQstatus(const PGconn *conn)
{
	return pq.status(conn);
}

PGTransactionStatusType PQtransactionStatus(const PGconn *conn)
{
	return pq.transaction_status(conn);
}

char *PQerrorMessage(const PGconn *conn)
{
	return pq.error_message(conn);
}

char *PQdb(const PGconn *conn)
{
	return pq.db(conn);
}

char *PQhost(const PGconn *conn)
{
	return pq.host(conn);
}

char *PQport(const PGconn *conn)
{
	return pq.port(conn);
}

PQnoticeProcessor PQsetNoticeProcessor(PGconn *conn, PQnoticeProcessor proc, void *arg)
{
	return pq.set_notice_processor(conn, proc, arg);
}

PGresult *PQexec(PGconn *conn, const char *query)
{
	return pq.exec(conn, query);
}

PGresult *PQprepare(PGconn *conn, const char *stmtName, const char *query, int nParams,
		    const Oid *paramTypes)
{
	return pq.prepare(conn, stmtName, query, nParams, paramTypes);
}

int PQsendQueryPrepared(PGconn *conn, const char *stmtName, int nParams,
			const char *const *paramValues, const int *paramLengths,
			const int *paramFormats, int resultFormat)
{
	return pq.send_query_prepared(conn, stmtName, nParams, paramValues, paramLengths,
				      paramFormats, resultFormat);
}

const char *PQparameterStatus(const PGconn *conn, const char *paramName)
{
	return pq.parameter_status(conn, paramName);
}

int PQsetSingleRowMode(PGconn *conn)
{
	return pq.set_single_row_mode(conn);
}

PGresult *PQgetResult(PGconn *conn)
{
	return pq.get_result(conn);
}

void PQclear(PGresult *res)
{
	if (res)
		pq.clear(res);
}

ExecStatusType PQresultStatus(const PGresult *res)
{
	return pq.result_status(res);
}

char *PQresultErrorMessage(const PGresult *res)
{
	return pq.result_error_message(res);
}

char *PQresultErrorField(const PGresult *res, int fieldcode)
{
	return pq.result_error_field(res, fieldcode);
}

int PQntuples(const PGresult *res)
{
	return pq.ntuples(res);
}

int PQnfields(const PGresult *res)
{
	return pq.nfields(res);
}

Oid PQftype(const PGresult *res, int field_num)
{
	return pq.ftype(res, field_num);
}

char *PQgetvalue(const PGresult *res, int tup_num, int field_num)
{
	return pq.getvalue(res, tup_num, field_num);
}

int PQgetisnull(const PGresult *res, int tup_num, int field_num)
{
	return pq.getisnull(res, tup_num, field_num);
}
