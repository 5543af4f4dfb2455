"""Queries every request runs, with their SQL built once per process.

Django's ORM builds and compiles a query's SQL each time it runs it: for the small queries every
page makes (the session, the person, their roles in the partnership of the URL) that costs several
times running the query. A `PreparedQuery` builds its queryset once, with stand-in values for
what changes from one request to the next, keeps the SQL, and thereafter only puts the request's
values in and makes the model objects (with their `select_related` objects and annotations), or
the `values_list()` tuples, as Django's own iterators do.
"""

import threading

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models.query import ModelIterable, ValuesListIterable, get_related_populators
from django_scopes import scopes_disabled

MATCHES_NOTHING = object()  # a query that, for these lengths of its id lists, can find no row
NO_ID = -7_654_321  # a stand-in for an id (no row has it)
A_YEAR = "2099-00"  # a stand-in for a reporting year (a year lookup takes only a real one)


class PreparedQuery:
    def __init__(self, build, *, id_lists=(), **placeholders):
        """`build(**values)` returns the queryset; `placeholders` maps each argument to a stand-in
        value, which must reach the SQL's parameters unchanged and differ from every other
        parameter of the query (it is found among them and replaced). `id_lists` names arguments
        that are lists of ids (for `__in`): their SQL is built once per length."""
        if len(set(placeholders.values())) < len(placeholders):
            raise ValueError("each value needs a stand-in of its own")
        self.build = build
        self.placeholders = placeholders
        self.id_lists = tuple(id_lists)
        self._compiled = {}
        self._lock = threading.Lock()

    def __call__(self, **values):
        """The model objects of the query for these values, as `list(build(**values))` would give."""
        for name in self.id_lists:
            values[name] = list(dict.fromkeys(values[name]))  # as Django's `__in` drops repeats
        compiled = self._compile(tuple(len(values[name]) for name in self.id_lists))
        if compiled is MATCHES_NOTHING:
            return []  # Django would not ask the database either
        compiler, sql, params, slots, db, as_tuples = compiled
        params = list(params)
        for position, (name, index) in slots:
            params[position] = values[name] if index is None else values[name][index]
        with connections[db].cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        if as_tuples:  # values_list(): rows as Django's ValuesListIterable gives them
            return list(compiler.results_iter(results=[rows], tuple_expected=True))
        return list(_objects(compiler, rows, db))

    def _compile(self, lengths):
        """Built on first use (for each length of the id lists): the database is known by then
        (a single one, `default` or the test database the test runner made of it)."""
        compiled = self._compiled.get(lengths)
        if compiled is not None:
            return compiled
        stand_ins = dict(self.placeholders)
        by_value = {stand_in: (name, None) for name, stand_in in self.placeholders.items()}
        for name, length in zip(self.id_lists, lengths, strict=True):
            stand_ins[name] = [NO_ID - 1_000_000 - len(by_value) - index for index in range(length)]
            by_value |= {stand_in: (name, index) for index, stand_in in enumerate(stand_ins[name])}
        # Built outside any tenant's scope: a scoped manager would add the partnership of the
        # request that came first to the SQL kept for every request after it. A prepared query
        # names its partnership itself (a parameter like any other).
        with self._lock, scopes_disabled():
            queryset = self.build(**stand_ins)
            if queryset._iterable_class not in (ModelIterable, ValuesListIterable):
                raise TypeError("a prepared query gives model objects or values_list() tuples")
            compiler = queryset.query.get_compiler(using=queryset.db)
            try:
                sql, params = compiler.as_sql()
            except EmptyResultSet:  # an empty id list where nothing else could match (`__in` and-ed)
                self._compiled[lengths] = MATCHES_NOTHING
                return MATCHES_NOTHING
            slots = [(at, by_value[param]) for at, param in enumerate(params) if _hashable(param) in by_value]
            found = {slot for _, slot in slots}
            missing = sorted({name for name, index in by_value.values() if (name, index) not in found})
            if missing:
                raise ValueError(f"stand-ins not found among the query's parameters: {missing}")
            as_tuples = queryset._iterable_class is ValuesListIterable
            compiled = self._compiled[lengths] = (compiler, sql, tuple(params), slots, queryset.db, as_tuples)
        return compiled


def _hashable(param):
    try:
        hash(param)
    except TypeError:
        return None
    return param


def _objects(compiler, rows, db):
    """Model objects from rows, as django.db.models.query.ModelIterable makes them."""
    select, klass_info, annotation_col_map = compiler.select, compiler.klass_info, compiler.annotation_col_map
    model_cls = klass_info["model"]
    select_fields = klass_info["select_fields"]
    start, end = select_fields[0], select_fields[-1] + 1
    init_list = [column[0].target.attname for column in select[start:end]]
    related_populators = get_related_populators(klass_info, select, db)
    for row in compiler.results_iter(results=[rows]):
        obj = model_cls.from_db(db, init_list, row[start:end])
        for populator in related_populators:
            populator.populate(row, obj)
        for name, position in (annotation_col_map or {}).items():
            setattr(obj, name, row[position])
        yield obj
