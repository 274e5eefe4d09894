using MathNet.Numerics.LinearAlgebra;
using SemLib.LinearAlgebra;
using SemLib.Specification;
using SemLib.Syntax;

namespace SemLib.Model;

/// <summary>
/// Equality constraints as a reparameterisation θ = Kζ + c. Rows that share a label, and labels equated with
/// <c>a == b</c>, become one entry of ζ; other linear constraints (<c>a == 2*b</c>, <c>a + b == 1</c>) are solved
/// by a null-space basis (SVD, MathNet). The optimizer then works unconstrained on ζ, and the covariance matrix of
/// θ is K·Cov(ζ)·Kᵀ — the same as lavaan's constrained information for linear constraints. Linear inequality
/// constraints that are active are held here as equalities; the others are listed for the active-set fit.
/// </summary>
internal sealed class ConstraintMap
{
    private ConstraintMap(int thetaCount, int zetaCount, (int Zeta, double Coef)[][] k, double[] offset)
    {
        ThetaCount = thetaCount;
        ZetaCount = zetaCount;
        K = k;
        Offset = offset;
    }

    public int ThetaCount { get; }
    public int ZetaCount { get; }

    /// <summary>For each θ index, its (ζ index, coefficient) entries.</summary>
    public (int Zeta, double Coef)[][] K { get; }

    /// <summary>The constant c.</summary>
    public double[] Offset { get; }

    /// <summary>
    /// The inequality constraints not held as equalities (table row, and the slack g(θ) = Σ coef·θ_index + constant,
    /// which must stay ≥ 0). Linear, as <see cref="Build"/> checks.
    /// </summary>
    public IReadOnlyList<(int Row, Dictionary<int, double> Coefs, double Constant)> Inequalities { get; private init; } = [];

    /// <summary>The slack g(θ) of one inequality form.</summary>
    public static double Slack((int Row, Dictionary<int, double> Coefs, double Constant) form, ReadOnlySpan<double> theta)
    {
        double v = form.Constant;
        foreach (var (t, c) in form.Coefs) v += c * theta[t];
        return v;
    }

    public void ToTheta(ReadOnlySpan<double> zeta, Span<double> theta)
    {
        for (int i = 0; i < K.Length; i++)
        {
            double v = Offset[i];
            foreach (var (z, c) in K[i]) v += c * zeta[z];
            theta[i] = v;
        }
    }

    /// <summary>
    /// θ = Kζ without the constant c: where a direction in ζ (a step, a null vector of the information) points in θ.
    /// </summary>
    public void MultiplyK(ReadOnlySpan<double> zeta, Span<double> theta)
    {
        for (int i = 0; i < K.Length; i++)
        {
            double v = 0;
            foreach (var (z, c) in K[i]) v += c * zeta[z];
            theta[i] = v;
        }
    }

    /// <summary>gζ = Kᵀ gθ.</summary>
    public void GradientToZeta(ReadOnlySpan<double> gradTheta, Span<double> gradZeta)
    {
        gradZeta.Clear();
        for (int i = 0; i < K.Length; i++)
            foreach (var (z, c) in K[i]) gradZeta[z] += c * gradTheta[i];
    }

    /// <summary>Hζ = Kᵀ Hθ K (dense q×q in, ζ×ζ out).</summary>
    public void MatrixToZeta(ReadOnlySpan<double> hTheta, Span<double> hZeta)
    {
        int q = ThetaCount, r = ZetaCount;
        hZeta[..(r * r)].Clear();
        for (int i = 0; i < q; i++)
        {
            foreach (var (zi, ci) in K[i])
            {
                for (int j = 0; j < q; j++)
                {
                    double h = hTheta[i * q + j];
                    if (h == 0) continue;
                    foreach (var (zj, cj) in K[j]) hZeta[zi * r + zj] += ci * cj * h;
                }
            }
        }
    }

    /// <summary>Cov(θ) = K Cov(ζ) Kᵀ.</summary>
    public double[] CovarianceToTheta(ReadOnlySpan<double> covZeta)
    {
        int q = ThetaCount, r = ZetaCount;
        var result = new double[q * q];
        for (int i = 0; i < q; i++)
            for (int j = 0; j < q; j++)
            {
                double s = 0;
                foreach (var (zi, ci) in K[i])
                    foreach (var (zj, cj) in K[j]) s += ci * cj * covZeta[zi * r + zj];
                result[i * q + j] = s;
            }
        return result;
    }

    /// <summary>
    /// The ζ whose θ = Kζ + c is closest (least squares) to a θ that may not satisfy the constraints:
    /// ζ = (KᵀK)⁻¹Kᵀ(θ − c). For θ that satisfies them this recovers its ζ exactly; with label equalities only, each
    /// ζ is the mean of the θ it stands for.
    /// </summary>
    public double[] ToZeta(ReadOnlySpan<double> theta)
    {
        int r = ZetaCount;
        var normal = new double[r * r];
        var zeta = new double[r];
        for (int i = 0; i < K.Length; i++)
        {
            foreach (var (zi, ci) in K[i])
            {
                zeta[zi] += ci * (theta[i] - Offset[i]);
                foreach (var (zj, cj) in K[i]) normal[zi * r + zj] += ci * cj;
            }
        }
        // Every ζ moves some θ and the null-space basis is orthonormal, so K has full column rank and KᵀK is positive definite.
        if (!Dense.Cholesky(normal, r)) throw new InvalidOperationException("The constraint map K does not have full column rank.");
        Dense.CholeskySolve(normal, zeta, r);
        return zeta;
    }

    /// <summary>
    /// The map for the table's equality constraints, and for the inequality rows (table row indices) in
    /// <paramref name="activeInequalities"/>, which hold as equalities (the active set); the other inequality rows
    /// are only checked to be linear here and are enforced by the active-set fit (Estimation.InequalityFit).
    /// </summary>
    public static ConstraintMap Build(ParameterTable table, List<int> freeRows, IReadOnlySet<int>? activeInequalities = null)
    {
        int q = freeRows.Count;
        // 1. Union rows that share a label.
        var parent = Enumerable.Range(0, q).ToArray();
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        void Union(int a, int b)
        {
            a = Find(a);
            b = Find(b);
            if (a != b) parent[Math.Max(a, b)] = Math.Min(a, b);
        }
        var labelToTheta = new Dictionary<string, int>(StringComparer.Ordinal);
        var labelFixed = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int t = 0; t < q; t++)
        {
            var row = table.Rows[freeRows[t]];
            if (row.Label.Length == 0) continue;
            if (labelToTheta.TryGetValue(row.Label, out int other)) Union(other, t);
            else labelToTheta[row.Label] = t;
        }
        // A label that names another parameter (equal("visual=~x2")): the two are one.
        var thetaOfId = new Dictionary<int, int>();
        for (int t = 0; t < q; t++) thetaOfId[table.Rows[freeRows[t]].Id] = t;
        for (int t = 0; t < q; t++)
            if (table.Rows[freeRows[t]].EqualTo is int id and > 0 && thetaOfId.TryGetValue(id, out int target)) Union(t, target);
        foreach (var row in table.Rows.Where(r => !r.Free && r.Group > 0 && r.Label.Length > 0))
            labelFixed.TryAdd(row.Label, row.Value);
        var defined = table.Rows.Where(r => r.Op == ModelOperator.Defined)
            .ToDictionary(r => r.Lhs, r => r.Formula!, StringComparer.Ordinal);
        var definedAffine = new Dictionary<string, (Dictionary<int, double> Coefs, double Constant)>(StringComparer.Ordinal);

        // 2. Explicit constraints as affine forms over θ; inactive inequalities as their slack g(θ) = Σ c·θ + k ≥ 0.
        var general = new List<(Dictionary<int, double> Coefs, double Constant, ParameterRow Row)>();
        var inequalityForms = new List<(int Row, Dictionary<int, double> Coefs, double Constant)>();
        for (int rowIndex = 0; rowIndex < table.Rows.Count; rowIndex++)
        {
            var row = table.Rows[rowIndex];
            if (row.Op is not (ModelOperator.Equal or ModelOperator.Less or ModelOperator.Greater)) continue;
            if (row.Op != ModelOperator.Equal && activeInequalities?.Contains(rowIndex) != true)
            {
                var form = InequalityForm(row);
                if (form.Coefs.Count == 0 && form.Constant < -1e-12)
                    throw new ModelSyntaxException([new SyntaxDiagnostic(row.Span, $"The constraint '{row.Lhs} {row.Op.ToLavaan()} {row.Rhs}' involves no free parameter and does not hold.")]);
                inequalityForms.Add((rowIndex, form.Coefs, form.Constant));
                continue;
            }
            var left = Affine(row.ConstraintLeft!, row);
            var right = Affine(row.Formula!, row);
            var coefs = new Dictionary<int, double>(left.Coefs);
            foreach (var (k, v) in right.Coefs) coefs[k] = coefs.GetValueOrDefault(k) - v;
            foreach (var k in coefs.Where(kv => kv.Value == 0).Select(kv => kv.Key).ToList()) coefs.Remove(k);
            double constant = right.Constant - left.Constant; // Σ coef·θ = constant
            if (coefs.Count == 0)
            {
                if (Math.Abs(constant) > 1e-12)
                    throw new ModelSyntaxException([new SyntaxDiagnostic(row.Span, $"The constraint '{row.Lhs} {row.Op.ToLavaan()} {row.Rhs}' involves no free parameter and does not hold.")]);
                continue;
            }
            if (coefs.Count == 2 && constant == 0 && coefs.Values.OrderBy(v => v).SequenceEqual([-1.0, 1.0]))
            {
                var keys = coefs.Keys.ToArray();
                Union(keys[0], keys[1]);
                continue;
            }
            general.Add((coefs, constant, row));
        }

        // 3. Classes of merged θ.
        var classOf = new int[q];
        var classes = new Dictionary<int, int>();
        for (int t = 0; t < q; t++)
        {
            int root = Find(t);
            if (!classes.TryGetValue(root, out int c))
            {
                c = classes.Count;
                classes[root] = c;
            }
            classOf[t] = c;
        }
        int nClass = classes.Count;
        if (general.Count == 0)
        {
            var k = new (int, double)[q][];
            for (int t = 0; t < q; t++) k[t] = [(classOf[t], 1.0)];
            return new ConstraintMap(q, nClass, k, new double[q]) { Inequalities = inequalityForms };
        }

        // 4. General linear constraints A u = b on the classes they involve: u = u0 + N ζ with N an orthonormal
        // null-space basis of those columns of A. A class no general constraint mentions keeps a ζ of its own
        // (K row = one unit entry), so the basis never mixes it with others: the modification indices rely on a
        // candidate's ζ being its own, and K stays as sparse as the constraints allow.
        var involved = new List<int>();
        var column = Enumerable.Repeat(-1, nClass).ToArray();
        foreach (var (coefs, _, _) in general)
            foreach (var t in coefs.Keys)
                if (column[classOf[t]] < 0)
                {
                    column[classOf[t]] = involved.Count;
                    involved.Add(classOf[t]);
                }
        var a = Matrix<double>.Build.Dense(general.Count, involved.Count);
        var b = Vector<double>.Build.Dense(general.Count);
        for (int i = 0; i < general.Count; i++)
        {
            foreach (var (t, v) in general[i].Coefs) a[i, column[classOf[t]]] += v;
            b[i] = general[i].Constant;
        }
        var svd = a.Svd(true);
        double tol = 1e-10 * Math.Max(1, svd.S.Count > 0 ? svd.S[0] : 1);
        int rank = svd.S.Count(s => s > tol);
        var vt = svd.VT; // rows 0..rank of VT span the row space, rows rank.. the null space
        // u0 = A⁺b from the same decomposition and rank: Σ_k v_k (u_kᵀ b) / s_k over the singular values kept.
        var u0 = Vector<double>.Build.Dense(involved.Count);
        for (int k = 0; k < rank; k++) u0 += vt.Row(k) * (svd.U.Column(k).DotProduct(b) / svd.S[k]);
        if ((a * u0 - b).InfinityNorm() > 1e-8 * Math.Max(1, b.InfinityNorm()))
            throw new ModelSyntaxException([new SyntaxDiagnostic(general[0].Row.Span, "The equality constraints contradict each other; no parameter values satisfy all of them.")]);
        // ζ: first one per class outside the constraints (in class order), then the null-space directions.
        var ownZeta = new int[nClass];
        int nOwn = 0;
        for (int c = 0; c < nClass; c++) ownZeta[c] = column[c] < 0 ? nOwn++ : -1;
        int nNull = involved.Count - rank;
        var kk = new (int, double)[q][];
        var offset = new double[q];
        for (int t = 0; t < q; t++)
        {
            int c = classOf[t];
            if (column[c] < 0)
            {
                kk[t] = [(ownZeta[c], 1.0)];
                continue;
            }
            var entries = new List<(int, double)>();
            for (int z = 0; z < nNull; z++)
            {
                double v = vt[rank + z, column[c]];
                if (Math.Abs(v) > 1e-14) entries.Add((nOwn + z, v));
            }
            kk[t] = entries.ToArray();
            offset[t] = u0[column[c]];
        }
        return new ConstraintMap(q, nOwn + nNull, kk, offset) { Inequalities = inequalityForms };

        // The slack of an inequality as an affine form over θ: left − right for '>', right − left for '<'.
        (Dictionary<int, double> Coefs, double Constant) InequalityForm(ParameterRow row)
        {
            var left = Affine(row.ConstraintLeft!, row);
            var right = Affine(row.Formula!, row);
            double sign = row.Op == ModelOperator.Less ? -1 : 1;
            var coefs = new Dictionary<int, double>();
            foreach (var (key, v) in left.Coefs) coefs[key] = sign * v;
            foreach (var (key, v) in right.Coefs) coefs[key] = coefs.GetValueOrDefault(key) - sign * v;
            foreach (var key in coefs.Where(kv => kv.Value == 0).Select(kv => kv.Key).ToList()) coefs.Remove(key);
            return (coefs, sign * (left.Constant - right.Constant));
        }

        (Dictionary<int, double> Coefs, double Constant) Affine(Expression e, ParameterRow where)
        {
            switch (e)
            {
                case NumberExpression n:
                    return (new(), n.Value);
                case NameExpression n:
                    if (labelToTheta.TryGetValue(n.Name, out int t)) return (new() { [t] = 1.0 }, 0);
                    if (labelFixed.TryGetValue(n.Name, out double fv)) return (new(), fv);
                    if (definedAffine.TryGetValue(n.Name, out var known)) return (new(known.Coefs), known.Constant);
                    if (defined.TryGetValue(n.Name, out var formula))
                    {
                        // Remembered, so a constraint on a chain of definitions that build on each other stays linear.
                        var form = Affine(formula, where);
                        definedAffine[n.Name] = form;
                        return (new(form.Coefs), form.Constant);
                    }
                    throw new ModelSyntaxException([new SyntaxDiagnostic(n.Span, $"'{n.Name}' in a constraint is not a parameter label.")]);
                case UnaryExpression u:
                    {
                        var (c, k) = Affine(u.Operand, where);
                        return (c.ToDictionary(kv => kv.Key, kv => -kv.Value), -k);
                    }
                case BinaryExpression bin:
                    {
                        var l = Affine(bin.Left, where);
                        var r = Affine(bin.Right, where);
                        switch (bin.Operator)
                        {
                            case '+':
                            case '-':
                                {
                                    double s = bin.Operator == '+' ? 1 : -1;
                                    var c = new Dictionary<int, double>(l.Coefs);
                                    foreach (var (key, v) in r.Coefs) c[key] = c.GetValueOrDefault(key) + s * v;
                                    return (c, l.Constant + s * r.Constant);
                                }
                            case '*' when l.Coefs.Count == 0:
                                return (r.Coefs.ToDictionary(kv => kv.Key, kv => kv.Value * l.Constant), r.Constant * l.Constant);
                            case '*' when r.Coefs.Count == 0:
                                return (l.Coefs.ToDictionary(kv => kv.Key, kv => kv.Value * r.Constant), l.Constant * r.Constant);
                            case '/' when r.Coefs.Count == 0:
                                return (l.Coefs.ToDictionary(kv => kv.Key, kv => kv.Value / r.Constant), l.Constant / r.Constant);
                            case '^' when l.Coefs.Count == 0 && r.Coefs.Count == 0:
                                return (new(), Math.Pow(l.Constant, r.Constant));
                        }
                        break;
                    }
                case CallExpression call:
                    {
                        var arg = Affine(call.Arguments[0], where);
                        if (arg.Coefs.Count == 0) return (new(), new CallExpression(call.Function, [new NumberExpression(arg.Constant)]).Evaluate(_ => 0));
                        break;
                    }
            }
            throw new ModelSyntaxException([new SyntaxDiagnostic(where.Span, $"The constraint '{where.Lhs} {where.Op.ToLavaan()} {where.Rhs}' is not linear in the parameters; only linear constraints are supported.")]);
        }
    }
}
