# SPDX-License-Identifier: MIT
"""Every call into libclustermap, through cffi in ABI mode.

This module is the only one that knows the C API: the declarations below
are copied from include/clustermap.h (tests/python/test_abi.py checks their
layout against the header's), and the functions at the end wrap
each call the package makes, so a change of the C API is a change here
alone. The rest of the package sees Python values: JSON reports parsed
into dicts, strings and numbers.

Reports come from the library's own JSON writers (the same ones the command
line uses), written into memory (cm_buf), rather than from C structures
mirrored field by field: the binding stays small and cannot drift from the
CLI, and it never needs a FILE *.
"""

import ctypes.util
import io
import json
import os
import threading
import xml.etree.ElementTree as ET

import cffi

CDEF = r"""
const char *cm_version(void);
#define CM_READ_OPTS_VERSION 1
#define CM_METRICS_OPTS_VERSION 1
#define CM_CLASSIFY_OPTS_VERSION 1
#define CM_COMPARE_OPTS_VERSION 1
#define CM_RENDER_OPTS_VERSION 1
typedef struct cm_buf {
    char *ptr;
    size_t size;
} cm_buf;
void cm_buf_dispose(cm_buf *buf);

typedef struct cm_ctx cm_ctx;
typedef struct cm_network cm_network;
typedef struct cm_series cm_series;
typedef struct cm_metrics cm_metrics;
typedef struct cm_classification cm_classification;
typedef struct cm_diff cm_diff;
typedef struct cm_timeline cm_timeline;
typedef struct cm_positions cm_positions;

typedef enum { CM_DIAG_WARNING = 1, CM_DIAG_ERROR = 2 } cm_diag_level;
typedef struct cm_diag {
    cm_diag_level level;
    const char *file;
    unsigned long line;
    unsigned long col;
    const char *message;
} cm_diag;

typedef enum { CM_FORMAT_TEXT = 0, CM_FORMAT_JSON, CM_FORMAT_CSV } cm_format;
typedef enum { CM_KIND_FIRM = 0, CM_KIND_COUNT = 9 } cm_kind;
typedef enum { CM_SIZE_UNKNOWN = 0, CM_SIZE_COUNT = 5 } cm_size;
typedef enum { CM_OWNERSHIP_LOCAL = 0, CM_OWNERSHIP_EXTERNAL } cm_ownership;
typedef enum { CM_LOCATION_INSIDE = 0, CM_LOCATION_OUTSIDE } cm_location;
typedef enum { CM_CHANGE_ENTERED = 0, CM_CHANGE_LEFT, CM_CHANGE_STAYED,
               CM_CHANGE_COUNT } cm_change;
typedef enum { CM_RENDER_SVG = 0, CM_RENDER_PNG, CM_RENDER_PDF, CM_RENDER_DOT,
               CM_RENDER_PLAIN } cm_render_format;

enum { CM_OK = 0, CM_ERROR = -1, CM_ENOMEM = -2, CM_EIO = -3, CM_EPARSE = -4,
       CM_ELIMIT = -5, CM_EINVAL = -6, CM_ENOTFOUND = -7, CM_EGRAPH = -8 };
const char *cm_strerror(int code);
int cm_ctx_new(cm_ctx **out);
void cm_ctx_free(cm_ctx *ctx);
const char *cm_ctx_errmsg(const cm_ctx *ctx);
size_t cm_ctx_diag_count(const cm_ctx *ctx);
int cm_ctx_diag(const cm_diag **out, cm_ctx *ctx, size_t i);

typedef struct cm_read_opts {
    unsigned int version;
    const char *map;
    _Bool flip_information;
    const char *direction;
    long size_bands[3];
    const char *display_name;
} cm_read_opts;
int cm_read_opts_init(cm_read_opts *opts, unsigned int version);
int cm_series_read_file(cm_series **out, cm_ctx *ctx, const char *path,
                        const cm_read_opts *opts);
int cm_series_read_buffer(cm_series **out, cm_ctx *ctx, const char *buf, size_t len,
                          const cm_read_opts *opts);
void cm_series_free(cm_series *series);
size_t cm_series_count(const cm_series *series);
int cm_series_take(cm_network **out, cm_ctx *ctx, cm_series *series, size_t i);
int cm_series_append(cm_ctx *ctx, cm_series *series, cm_network *net);
int cm_series_new(cm_series **out, cm_ctx *ctx);
void cm_network_free(cm_network *net);

const char *cm_network_source(const cm_network *net);
const char *cm_network_id(const cm_network *net);
const char *cm_network_label(const cm_network *net);
int cm_network_year(const cm_network *net);
size_t cm_network_node_count(const cm_network *net);
size_t cm_network_edge_count(const cm_network *net);
int cm_network_node_id(const char **out, cm_ctx *ctx, const cm_network *net, size_t i);
int cm_network_node_label(const char **out, cm_ctx *ctx, const cm_network *net, size_t i);
int cm_network_node_sector(const char **out, cm_ctx *ctx, const cm_network *net, size_t i);
int cm_network_node_kind(cm_kind *out, cm_ctx *ctx, const cm_network *net, size_t i);
int cm_network_node_size(cm_size *out, cm_ctx *ctx, const cm_network *net, size_t i);
int cm_network_node_ownership(cm_ownership *out, cm_ctx *ctx, const cm_network *net, size_t i);
int cm_network_node_location(cm_location *out, cm_ctx *ctx, const cm_network *net, size_t i);
int cm_network_node_has(unsigned *out, cm_ctx *ctx, const cm_network *net, size_t i);
int cm_network_node_attr(const char **out, cm_ctx *ctx, const cm_network *net, size_t i,
                         const char *name);
int cm_network_edge_source(size_t *out, cm_ctx *ctx, const cm_network *net, size_t e);
int cm_network_edge_target(size_t *out, cm_ctx *ctx, const cm_network *net, size_t e);
int cm_network_edge_layer(size_t *out, cm_ctx *ctx, const cm_network *net, size_t e);
int cm_network_edge_directed(_Bool *out, cm_ctx *ctx, const cm_network *net, size_t e);
int cm_network_edge_weight(double *out, cm_ctx *ctx, const cm_network *net, size_t e);
int cm_network_edge_year(int *out, cm_ctx *ctx, const cm_network *net, size_t e);
int cm_network_edge_start(int *out, cm_ctx *ctx, const cm_network *net, size_t e);
int cm_network_edge_end(int *out, cm_ctx *ctx, const cm_network *net, size_t e);
int cm_network_edge_attr(const char **out, cm_ctx *ctx, const cm_network *net, size_t e,
                         const char *name);
size_t cm_network_layer_count(const cm_network *net);
int cm_network_layer_name(const char **out, cm_ctx *ctx, const cm_network *net, size_t layer);
size_t cm_network_node_attr_count(const cm_network *net);
int cm_network_node_attr_name(const char **out, cm_ctx *ctx, const cm_network *net, size_t k);
const char *cm_kind_name(cm_kind kind);
const char *cm_size_name(cm_size size);
const char *cm_ownership_name(cm_ownership own);
const char *cm_location_name(cm_location loc);

int cm_info_write_buf(cm_buf *out, cm_ctx *ctx, const cm_series *series, cm_format format);
int cm_network_write_graphml_buf(cm_buf *out, cm_ctx *ctx, const cm_network *net,
                                 const void *extra);

typedef struct cm_metrics_opts {
    unsigned int version;
    const char *layer;
    _Bool weighted;
    _Bool inside_only;
    const char *groups;
    unsigned long permutations;
    unsigned long seed;
    size_t approx;
    _Bool exact;
} cm_metrics_opts;
int cm_metrics_opts_init(cm_metrics_opts *opts, unsigned int version);
int cm_metrics_compute(cm_metrics **out, cm_ctx *ctx, const cm_network *net,
                       const cm_metrics_opts *opts);
void cm_metrics_free(cm_metrics *m);
int cm_metrics_write_buf(cm_buf *out, cm_ctx *ctx, const cm_metrics *m, cm_format format,
                         int flags);

typedef struct cm_classify_opts {
    unsigned int version;
    unsigned long seed;
    size_t replicates;
    size_t stability;
    double hybrid_margin;
} cm_classify_opts;
int cm_classify_opts_init(cm_classify_opts *opts, unsigned int version);
int cm_classify(cm_classification **out, cm_ctx *ctx, const cm_network *net,
                const cm_classify_opts *opts);
void cm_classification_free(cm_classification *c);
int cm_classification_write_buf(cm_buf *out, cm_ctx *ctx, const cm_classification *c,
                                cm_format format);

typedef struct cm_compare_opts {
    unsigned int version;
    const char *match_by;
    unsigned long permutations;
    unsigned long seed;
    cm_metrics_opts metrics;
    const cm_classify_opts *classify;
    _Bool no_classify;
} cm_compare_opts;
int cm_compare_opts_init(cm_compare_opts *opts, unsigned int version);
int cm_diff_compute(cm_diff **out, cm_ctx *ctx, const cm_network *old_net,
                    const cm_network *new_net, const cm_compare_opts *opts);
void cm_diff_free(cm_diff *d);
int cm_diff_write_buf(cm_buf *out, cm_ctx *ctx, const cm_diff *d, cm_format format);
int cm_timeline_compute(cm_timeline **out, cm_ctx *ctx, const cm_series *series,
                        const cm_compare_opts *opts);
void cm_timeline_free(cm_timeline *tl);
int cm_timeline_write_buf(cm_buf *out, cm_ctx *ctx, const cm_timeline *tl, cm_format format);

typedef struct cm_render_opts {
    unsigned int version;
    cm_render_format format;
    const char *layer;
    const char *size_by;
    const char *color_by;
    size_t labels;
    size_t label_length;
    const char *title;
    const char *layout;
    size_t aggregate_above;
    _Bool full;
    unsigned long seed;
    const cm_metrics *metrics;
    const cm_classification *classification;
    const cm_positions *pin;
    _Bool relayout;
    _Bool groups;
    const cm_change *node_change;
    const cm_change *edge_change;
} cm_render_opts;
int cm_render_opts_init(cm_render_opts *opts, unsigned int version);
int cm_render_format_from_path(cm_render_format *out, const char *path);
int cm_render_file(cm_positions **positions, cm_ctx *ctx, const cm_network *net,
                   const char *path, const cm_render_opts *opts);
int cm_render_buf(cm_buf *out, cm_positions **positions, cm_ctx *ctx, const cm_network *net,
                  const cm_render_opts *opts);
"""

ffi = cffi.FFI()
ffi.cdef(CDEF)

HAS_KIND, HAS_OWNERSHIP, HAS_LOCATION, HAS_LABEL = 1 << 0, 1 << 2, 1 << 3, 1 << 4


class Error(Exception):
    """A failure reported by libclustermap.

    ``str(err)`` is the library's one-line message, formatted
    ``FILE:LINE:COL: error: what; hint`` when it refers to a place in a
    file. ``err.code`` is the library's negative ``CM_E*`` code (0 when the
    package itself refused the call) and ``err.diagnostics`` lists every
    warning and error the library gathered, as dicts with ``level``,
    ``file``, ``line``, ``col`` and ``message``.
    """

    def __init__(self, message, code=0, diagnostics=()):
        super().__init__(message)
        self.message = message
        self.code = code
        self.diagnostics = list(diagnostics)


def _candidates():
    """Where the shared library may be, most specific first."""
    env = os.environ.get("CLUSTERMAP_LIBRARY")
    if env:
        return [env]
    try:
        from . import _paths  # written by `make install`: where the library went
        return [os.path.join(_paths.LIBDIR, _paths.DLNAME)]
    except ImportError:
        pass
    # The build tree: python/clustermap/ sits two levels below the folder
    # whose .libs/ holds the library just built (builds outside the source
    # tree copy the package there).
    top = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    found = [os.path.join(top, ".libs", "libclustermap.so")]
    system = ctypes.util.find_library("clustermap")  # the system's search path
    if system:
        found.append(system)
    return found


def _load():
    tried = []
    for path in _candidates():
        if os.sep in path and not os.path.exists(path):
            tried.append(path + " (missing)")
            continue
        try:
            return ffi.dlopen(path), path
        except OSError as e:
            tried.append("%s (%s)" % (path, e))
    raise ImportError("clustermap: cannot load libclustermap; tried %s. Build it with `make`, "
                      "install it, or set CLUSTERMAP_LIBRARY" % ("; ".join(tried) or "nothing"))


lib, LIBRARY = _load()
VERSION = ffi.string(lib.cm_version()).decode()

# igraph 0.10 keeps its random generator, error handlers and cleanup stack
# in globals, and cffi releases the GIL during a call: the calls that use
# igraph (or Graphviz) must not overlap, so they take this lock.
_igraph_lock = threading.RLock()


def _s(p):
    """A borrowed C string as str (None for NULL)."""
    return None if p == ffi.NULL else ffi.string(p).decode("utf-8", "replace")


def _diagnostics(ctx):
    out = []
    p = ffi.new("const cm_diag **")
    for i in range(lib.cm_ctx_diag_count(ctx)):
        if lib.cm_ctx_diag(p, ctx, i):
            break
        d = p[0]
        out.append({"level": "error" if d.level == lib.CM_DIAG_ERROR else "warning",
                    "file": _s(d.file), "line": d.line, "col": d.col,
                    "message": _s(d.message)})
    return out


class Context:
    """One cm_ctx for one call; raises Error with its message on failure."""

    def __enter__(self):
        p = ffi.new("cm_ctx **")
        if lib.cm_ctx_new(p):
            raise MemoryError("clustermap: cannot create a context")
        self.ptr = p[0]
        return self

    def __exit__(self, *exc):
        lib.cm_ctx_free(self.ptr)

    def check(self, rc):
        if rc:
            msg = _s(lib.cm_ctx_errmsg(self.ptr)) or _s(lib.cm_strerror(rc))
            raise Error(msg, rc, _diagnostics(self.ptr))

    def diagnostics(self):
        return _diagnostics(self.ptr)


def _to_memory(ctx, write):
    """Runs write(buf), a _buf writer of the library; returns the bytes."""
    buf = ffi.new("cm_buf *")
    try:
        rc = write(buf)
        data = ffi.unpack(buf.ptr, buf.size) if buf.ptr != ffi.NULL else b""
    finally:
        lib.cm_buf_dispose(buf)
    ctx.check(rc)
    return data


def _get(getter, ctype, *args):
    """A checked getter's value: getter(&out, NULL, *args)."""
    out = ffi.new(ctype + " *")
    rc = getter(out, ffi.NULL, *args)
    if rc:
        raise Error("clustermap: %s" % _s(lib.cm_strerror(rc)), rc)
    return out[0]


def _str(getter, *args):
    return _s(_get(getter, "const char *", *args))


# ---------------------------------------------------------------- reading

def _read_opts(map_, flip_information, display_name, keep):
    opts = ffi.new("cm_read_opts *")
    lib.cm_read_opts_init(opts, lib.CM_READ_OPTS_VERSION)
    if map_ is not None:
        keep.append(ffi.new("char[]", map_.encode()))
        opts.map = keep[-1]
    opts.flip_information = bool(flip_information)
    if display_name is not None:
        keep.append(ffi.new("char[]", display_name.encode()))
        opts.display_name = keep[-1]
    return opts


def _take_all(series):
    nets = []
    try:
        while lib.cm_series_count(series):
            nets.append(ffi.gc(_get(lib.cm_series_take, "cm_network *", series, 0),
                               lib.cm_network_free))
    finally:
        lib.cm_series_free(series)
    return nets


def read_file(path, map_=None, flip_information=False):
    """Reads a file; returns (networks, warnings)."""
    keep = []
    with Context() as ctx:
        opts = _read_opts(map_, flip_information, None, keep)
        out = ffi.new("cm_series **")
        ctx.check(lib.cm_series_read_file(out, ctx.ptr, os.fsencode(path), opts))
        return _take_all(out[0]), ctx.diagnostics()


def read_buffer(data, display_name, map_=None, flip_information=False):
    """Reads GraphML text held in memory; returns (networks, warnings)."""
    keep = []
    with Context() as ctx:
        opts = _read_opts(map_, flip_information, display_name, keep)
        out = ffi.new("cm_series **")
        ctx.check(lib.cm_series_read_buffer(out, ctx.ptr, data, len(data), opts))
        return _take_all(out[0]), ctx.diagnostics()


class _Lent:
    """Lends networks to a temporary series (which takes ownership) and
    takes them back on exit, for the calls that want a cm_series."""

    def __init__(self, ctx, nets):
        self.ctx, self.nets = ctx, nets

    def __enter__(self):
        out = ffi.new("cm_series **")
        self.ctx.check(lib.cm_series_new(out, self.ctx.ptr))
        self.series = out[0]
        self.lent = 0
        try:
            for n in self.nets:
                self.ctx.check(lib.cm_series_append(self.ctx.ptr, self.series, n))
                self.lent += 1
        except BaseException:
            self.__exit__()
            raise
        return self.series

    def __exit__(self, *exc):
        back = [_get(lib.cm_series_take, "cm_network *", self.series, 0)
                for _ in range(self.lent)]
        lib.cm_series_free(self.series)
        # The Python objects still own these pointers: they must come back.
        assert back == list(self.nets[:self.lent]), "cm_series_take returned another network"


# ---------------------------------------------------------------- the model

def network_summary(net):
    """Graph-level fields and the layer names of a network."""
    return {"source": _s(lib.cm_network_source(net)), "id": _s(lib.cm_network_id(net)),
            "label": _s(lib.cm_network_label(net)), "year": lib.cm_network_year(net) or None,
            "nodes": lib.cm_network_node_count(net), "edges": lib.cm_network_edge_count(net),
            "layers": [_str(lib.cm_network_layer_name, net, k)
                       for k in range(lib.cm_network_layer_count(net))]}


def node_attr_names(net):
    return [_str(lib.cm_network_node_attr_name, net, k)
            for k in range(lib.cm_network_node_attr_count(net))]


def _given(flag, name):
    """A model attribute's name when the file gave it, else None."""
    return _s(name) if flag else None


def nodes(net):
    """Every actor as a dict: id, name, the model attributes, the others."""
    types = attr_types(net)["node"]
    keys = [(name, name.encode(), types.get(name, "string")) for name in node_attr_names(net)]
    out = []
    for i in range(lib.cm_network_node_count(net)):
        size = _get(lib.cm_network_node_size, "cm_size", net, i)
        has = _get(lib.cm_network_node_has, "unsigned", net, i)
        kind = _get(lib.cm_network_node_kind, "cm_kind", net, i)
        own = _get(lib.cm_network_node_ownership, "cm_ownership", net, i)
        loc = _get(lib.cm_network_node_location, "cm_location", net, i)
        d = {"id": _str(lib.cm_network_node_id, net, i),
             "name": _str(lib.cm_network_node_label, net, i),
             "has_label": bool(has & HAS_LABEL),
             # what the file did not give is missing (None), not the default
             "kind": _given(has & HAS_KIND, lib.cm_kind_name(kind)),
             "size": None if size == lib.CM_SIZE_UNKNOWN else _s(lib.cm_size_name(size)),
             "ownership": _given(has & HAS_OWNERSHIP, lib.cm_ownership_name(own)),
             "location": _given(has & HAS_LOCATION, lib.cm_location_name(loc)),
             "sector": _str(lib.cm_network_node_sector, net, i),
             "attributes": {}}
        for name, raw, t in keys:
            v = _str(lib.cm_network_node_attr, net, i, raw)
            if v is not None:
                d["attributes"][name] = typed(v, t)
        out.append(d)
    return out


_EDGE_MODEL = ("relation", "weight", "year", "start", "end")


def attr_types(net):
    """{"node": {name: GraphML type}, "edge": {...}} of the network's
    attributes. The library lists no edge columns and no column types, but
    its GraphML writer declares a typed key for each."""
    types = {"node": {}, "edge": {}}
    for _, el in ET.iterparse(io.BytesIO(write_graphml(net)), events=("start",)):
        tag = el.tag.rsplit("}", 1)[-1]
        if tag == "graph":
            break  # the keys come before the graph
        if tag == "key" and el.get("for") in types:
            types[el.get("for")][el.get("attr.name") or el.get("id")] = el.get("attr.type")
    return types


def typed(value, gtype):
    """A value as written, as the Python value of its GraphML type."""
    if value is None:
        return None
    try:
        if gtype in ("int", "long"):
            return int(value)
        if gtype in ("float", "double"):
            return float(value)
    except ValueError:
        return value
    if gtype == "boolean":
        return value == "true"
    return value


def edges(net):
    """Every tie as (source index, target index, dict of its fields)."""
    layers = [_str(lib.cm_network_layer_name, net, k)
              for k in range(lib.cm_network_layer_count(net))]
    types = attr_types(net)["edge"]
    extra = [(name, name.encode(), t) for name, t in types.items() if name not in _EDGE_MODEL]
    out = []
    for e in range(lib.cm_network_edge_count(net)):
        d = {"relation": layers[_get(lib.cm_network_edge_layer, "size_t", net, e)],
             "directed": bool(_get(lib.cm_network_edge_directed, "_Bool", net, e)),
             "weight": _get(lib.cm_network_edge_weight, "double", net, e)}
        for key, get in (("year", lib.cm_network_edge_year), ("start", lib.cm_network_edge_start),
                         ("end", lib.cm_network_edge_end)):
            v = _get(get, "int", net, e)
            if v:
                d[key] = v
        for name, raw, t in extra:
            v = _str(lib.cm_network_edge_attr, net, e, raw)
            if v is not None:
                d[name] = typed(v, t)
        out.append((_get(lib.cm_network_edge_source, "size_t", net, e),
                    _get(lib.cm_network_edge_target, "size_t", net, e), d))
    return out


# ---------------------------------------------------------------- reports

def info_json(net):
    # Under the lock: a network is lent to one series at a time.
    with _igraph_lock, Context() as ctx, _Lent(ctx, [net]) as series:
        data = _to_memory(ctx, lambda buf: lib.cm_info_write_buf(buf, ctx.ptr, series,
                                                                 lib.CM_FORMAT_JSON))
    return json.loads(data)


def write_graphml(net):
    with Context() as ctx:
        return _to_memory(ctx, lambda buf: lib.cm_network_write_graphml_buf(buf, ctx.ptr, net,
                                                                            ffi.NULL))


def _metrics_opts(opts, layer, weighted, inside_only, groups, permutations, seed, approx,
                  exact, keep):
    lib.cm_metrics_opts_init(opts, lib.CM_METRICS_OPTS_VERSION)
    if layer is not None:
        keep.append(ffi.new("char[]", layer.encode()))
        opts.layer = keep[-1]
    if groups is not None:
        keep.append(ffi.new("char[]", groups.encode()))
        opts.groups = keep[-1]
    opts.weighted = bool(weighted)
    opts.inside_only = bool(inside_only)
    if permutations is not None:
        opts.permutations = permutations
    if seed is not None:
        opts.seed = seed
    if approx is not None:
        opts.approx = approx
    opts.exact = bool(exact)


def metrics_json(net, **kw):
    """The measures report (docs/json.md, "metrics") of one network."""
    keep = []
    opts = ffi.new("cm_metrics_opts *")
    _metrics_opts(opts, keep=keep, **kw)
    with _igraph_lock, Context() as ctx:
        out = ffi.new("cm_metrics **")
        ctx.check(lib.cm_metrics_compute(out, ctx.ptr, net, opts))
        m = out[0]
        try:
            data = _to_memory(ctx, lambda buf: lib.cm_metrics_write_buf(buf, ctx.ptr, m,
                                                                        lib.CM_FORMAT_JSON, 0))
        finally:
            lib.cm_metrics_free(m)
    return json.loads(data)


def _classify_opts(opts, seed, replicates, stability, hybrid_margin):
    lib.cm_classify_opts_init(opts, lib.CM_CLASSIFY_OPTS_VERSION)
    if seed is not None:
        opts.seed = seed
    if replicates is not None:
        opts.replicates = replicates
    if stability is not None:
        opts.stability = stability
    if hybrid_margin is not None:
        opts.hybrid_margin = hybrid_margin
    return opts


def classify(net, **kw):
    """The classification as (JSON report, text report, the options used)."""
    opts = _classify_opts(ffi.new("cm_classify_opts *"), **kw)
    with _igraph_lock, Context() as ctx:
        out = ffi.new("cm_classification **")
        ctx.check(lib.cm_classify(out, ctx.ptr, net, opts))
        c = out[0]
        try:
            js = _to_memory(ctx, lambda buf: lib.cm_classification_write_buf(
                buf, ctx.ptr, c, lib.CM_FORMAT_JSON))
            text = _to_memory(ctx, lambda buf: lib.cm_classification_write_buf(
                buf, ctx.ptr, c, lib.CM_FORMAT_TEXT))
        finally:
            lib.cm_classification_free(c)
    used = {"seed": opts.seed, "replicates": opts.replicates, "stability": opts.stability,
            "hybrid_margin": opts.hybrid_margin}
    return json.loads(js), text.decode("utf-8", "replace"), used


def _compare_opts(match_by, permutations, seed, no_classify, keep, weighted, inside_only,
                  groups, approx, exact):
    opts = ffi.new("cm_compare_opts *")
    lib.cm_compare_opts_init(opts, lib.CM_COMPARE_OPTS_VERSION)
    if match_by is not None:
        keep.append(ffi.new("char[]", match_by.encode()))
        opts.match_by = keep[-1]
    if permutations is not None:
        opts.permutations = permutations
    if seed is not None:
        opts.seed = seed
    # Each snapshot is measured as Network.metrics() would, with the seed
    # of the comparison (as the command line's --seed sets both).
    _metrics_opts(ffi.addressof(opts, "metrics"), layer=None, weighted=weighted,
                  inside_only=inside_only, groups=groups, permutations=None, seed=seed,
                  approx=approx, exact=exact, keep=keep)
    opts.no_classify = bool(no_classify)
    return opts


def diff_json(old, new, **kw):
    keep = []
    opts = _compare_opts(keep=keep, **kw)
    with _igraph_lock, Context() as ctx:
        out = ffi.new("cm_diff **")
        ctx.check(lib.cm_diff_compute(out, ctx.ptr, old, new, opts))
        d = out[0]
        try:
            data = _to_memory(ctx, lambda buf: lib.cm_diff_write_buf(buf, ctx.ptr, d,
                                                                     lib.CM_FORMAT_JSON))
        finally:
            lib.cm_diff_free(d)
    return json.loads(data)


def timeline_json(nets, **kw):
    keep = []
    opts = _compare_opts(keep=keep, **kw)
    with _igraph_lock, Context() as ctx, _Lent(ctx, nets) as series:
        out = ffi.new("cm_timeline **")
        ctx.check(lib.cm_timeline_compute(out, ctx.ptr, series, opts))
        tl = out[0]
        try:
            data = _to_memory(ctx, lambda buf: lib.cm_timeline_write_buf(buf, ctx.ptr, tl,
                                                                         lib.CM_FORMAT_JSON))
        finally:
            lib.cm_timeline_free(tl)
    return json.loads(data)


# ---------------------------------------------------------------- drawing

_RENDER_FORMATS = {"svg": "CM_RENDER_SVG", "png": "CM_RENDER_PNG", "pdf": "CM_RENDER_PDF",
                   "dot": "CM_RENDER_DOT", "plain": "CM_RENDER_PLAIN"}


def _render_opts(ctx, fmt, path, keep, layer=None, size_by=None, color_by=None, labels=None,
                 label_length=None, title=None, layout=None, aggregate_above=None, full=False,
                 seed=None):
    opts = ffi.new("cm_render_opts *")
    lib.cm_render_opts_init(opts, lib.CM_RENDER_OPTS_VERSION)
    if fmt is not None:
        if fmt not in _RENDER_FORMATS:
            raise Error("unknown drawing format '%s'; use one of %s"
                        % (fmt, ", ".join(sorted(_RENDER_FORMATS))), lib.CM_EINVAL)
        opts.format = getattr(lib, _RENDER_FORMATS[fmt])
    elif path is not None:
        f = ffi.new("cm_render_format *")
        ctx.check(lib.cm_render_format_from_path(f, os.fsencode(path)))
        opts.format = f[0]
    for name, value in (("layer", layer), ("size_by", size_by), ("color_by", color_by),
                        ("title", title), ("layout", layout)):
        if value is not None:
            keep.append(ffi.new("char[]", value.encode()))
            setattr(opts, name, keep[-1])
    for name, value in (("labels", labels), ("label_length", label_length),
                        ("aggregate_above", aggregate_above), ("seed", seed)):
        if value is not None:
            setattr(opts, name, value)
    opts.full = bool(full)
    return opts


def render_file(net, path, fmt=None, **kw):
    keep = []
    with _igraph_lock, Context() as ctx:
        opts = _render_opts(ctx, fmt, path, keep, **kw)
        ctx.check(lib.cm_render_file(ffi.NULL, ctx.ptr, net, os.fsencode(path), opts))


def render_bytes(net, fmt="svg", **kw):
    keep = []
    with _igraph_lock, Context() as ctx:
        opts = _render_opts(ctx, fmt, None, keep, **kw)
        return _to_memory(ctx, lambda buf: lib.cm_render_buf(buf, ffi.NULL, ctx.ptr, net,
                                                             opts))
