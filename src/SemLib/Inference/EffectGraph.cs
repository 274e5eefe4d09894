using SemLib.Model;

namespace SemLib.Inference;

/// <summary>
/// The directed graph of one group's structural model: nodes are the latent variables (with observed variables in
/// regressions as their phantoms) and the pure indicators; edges are regressions and loadings (B and Λ cells that
/// are free or fixed to a non-zero value). Paths multiply coefficients (Wright's path tracing); totals of an
/// acyclic model are sums over all directed paths, otherwise A − I with A = (I − B)⁻¹ (Bollen 1989, ch. 8: with
/// feedback loops the total effect is the sum of infinitely many walks, (I − B)⁻¹ − I when it converges).
/// </summary>
internal sealed class EffectGraph
{
    private readonly GroupModel _model;
    private readonly List<(int From, int To, MatrixCell Cell)> _edges = [];

    public EffectGraph(GroupModel model)
    {
        _model = model;
        var cells = model.FreeCells.Select(c => c.Cell).Concat(model.FixedCells.Where(c => c.Value != 0 && c.Row >= 0).Select(c => c.Cell));
        foreach (var cell in cells.Distinct())
        {
            if (cell.Matrix == ModelMatrix.Beta) _edges.Add((cell.Col, cell.Row, cell));
            else if (cell.Matrix == ModelMatrix.Lambda && !IsPhantomLoading(cell)) _edges.Add((cell.Col, model.M + cell.Row, cell));
        }
        Acyclic = !HasCycle();
    }

    public bool Acyclic { get; }

    private bool IsPhantomLoading(MatrixCell cell) =>
        _model.PhantomIndex.TryGetValue(_model.Observed[cell.Row], out int k) && k == cell.Col;

    /// <summary>Node of a variable: its η index, or M + observed index for a pure indicator; -1 when unknown.</summary>
    public int Node(string name)
    {
        int k = _model.EtaIndex(name);
        if (k >= 0) return k;
        int i = _model.ObservedIndex(name);
        return i >= 0 ? _model.M + i : -1;
    }

    public string NodeName(int node) => node < _model.M ? _model.Eta[node] : _model.Observed[node - _model.M];

    /// <summary>All directed paths from one node to another (as edge lists), shortest first.</summary>
    public List<List<int>> Paths(int from, int to)
    {
        var result = new List<List<int>>();
        var stack = new List<int>();
        var visited = new HashSet<int> { from };
        void Walk(int node)
        {
            for (int e = 0; e < _edges.Count; e++)
            {
                if (_edges[e].From != node || visited.Contains(_edges[e].To)) continue;
                stack.Add(e);
                if (_edges[e].To == to) result.Add([.. stack]);
                else
                {
                    visited.Add(_edges[e].To);
                    Walk(_edges[e].To);
                    visited.Remove(_edges[e].To);
                }
                stack.RemoveAt(stack.Count - 1);
            }
        }
        Walk(from);
        return result.OrderBy(p => p.Count).ToList();
    }

    /// <summary>The edge from one node straight to another (a B or Λ cell), or -1 when there is none.</summary>
    public int DirectEdge(int from, int to) => _edges.FindIndex(e => e.From == from && e.To == to);

    /// <summary>
    /// True when some route from <paramref name="from"/> to <paramref name="to"/> passes through a node that lies on a
    /// directed cycle: then the routes (walks) are infinitely many, and their sum is only available from (I − B)⁻¹.
    /// </summary>
    public bool ThroughLoop(int from, int to)
    {
        if (Acyclic) return false;
        var fromStart = Reachable(from, includeStart: true);
        for (int v = 0; v < fromStart.Length; v++)
            if (fromStart[v] && Reachable(v, includeStart: true)[to] && Reachable(v, includeStart: false)[v]) return true;
        return false;
    }

    /// <summary>The nodes reachable from <paramref name="start"/> by one or more edges (and the start itself if asked).</summary>
    private bool[] Reachable(int start, bool includeStart)
    {
        var seen = new bool[_model.M + _model.P];
        var stack = new Stack<int>();
        if (includeStart) seen[start] = true;
        stack.Push(start);
        while (stack.Count > 0)
        {
            int v = stack.Pop();
            foreach (var e in _edges)
                if (e.From == v && !seen[e.To])
                {
                    seen[e.To] = true;
                    stack.Push(e.To);
                }
        }
        return seen;
    }

    public string Describe(List<int> path) =>
        string.Join(" -> ", new[] { NodeName(_edges[path[0]].From) }.Concat(path.Select(e => NodeName(_edges[e].To))));

    public double PathValue(GroupState state, List<int> path)
    {
        double v = 1;
        foreach (int e in path) v *= state.Get(_edges[e].Cell);
        return v;
    }

    /// <summary>The total effect of node <paramref name="from"/> on <paramref name="to"/> from the matrices (any model).</summary>
    public double TotalFromMatrices(GroupState state, int from, int to)
    {
        int m = _model.M;
        if (from >= m) return 0; // a pure indicator affects nothing
        double a(int r, int c) => state.A[r * m + c] - (r == c ? 1 : 0);
        if (to < m) return a(to, from);
        int i = to - m;
        double s = 0;
        for (int k = 0; k < m; k++) s += state.Lambda[i * m + k] * state.A[k * m + from];
        return s;
    }

    /// <summary>The model-implied standard deviation of a node's variable.</summary>
    public double StandardDeviation(GroupState state, int node)
    {
        int m = _model.M;
        if (node < m) return Math.Sqrt(Math.Max(0, state.Phi[node * m + node]));
        int i = node - m;
        return Math.Sqrt(Math.Max(0, state.Sigma[i * _model.P + i]));
    }

    private bool HasCycle()
    {
        int n = _model.M + _model.P;
        var color = new int[n];
        bool Visit(int v)
        {
            color[v] = 1;
            foreach (var e in _edges.Where(e => e.From == v))
            {
                if (color[e.To] == 1) return true;
                if (color[e.To] == 0 && Visit(e.To)) return true;
            }
            color[v] = 2;
            return false;
        }
        for (int v = 0; v < n; v++)
            if (color[v] == 0 && Visit(v)) return true;
        return false;
    }
}
