using SemLib.Specification;
using SemLib.Syntax;

namespace SemLib.Model;

/// <summary>
/// The whole model compiled from a parameter table: one <see cref="GroupModel"/> per group, the map from table
/// rows to θ (one entry per free row) and the equality constraints, expressed as θ = Kζ + c where ζ are the
/// parameters the optimizer moves (<see cref="Constraints"/>).
/// </summary>
internal sealed class LisrelModel
{
    private LisrelModel(ParameterTable table, GroupModel[] groups, int[] freeRows, int[] thetaOfRow, ConstraintMap constraints)
    {
        Table = table;
        Groups = groups;
        FreeRows = freeRows;
        ThetaOfRow = thetaOfRow;
        Constraints = constraints;
    }

    public ParameterTable Table { get; }
    public GroupModel[] Groups { get; }

    /// <summary>For each θ index, the 0-based index of its table row.</summary>
    public int[] FreeRows { get; }

    /// <summary>For each table row its θ index, or -1 when the row is not free (fixed, defined or a constraint): the
    /// inverse of <see cref="FreeRows"/>.</summary>
    public int[] ThetaOfRow { get; }

    /// <summary>Number of free rows (length of θ).</summary>
    public int ThetaCount => FreeRows.Length;

    /// <summary>The map θ = Kζ + c that imposes label and <c>==</c> equalities.</summary>
    public ConstraintMap Constraints { get; }

    /// <summary>Number of parameters the optimizer moves (lavaan's npar).</summary>
    public int ZetaCount => Constraints.ZetaCount;

    /// <summary>The inequality rows (table row indices) held as equalities: the active set of the fit.</summary>
    public IReadOnlySet<int> ActiveInequalities { get; private init; } = new HashSet<int>();

    /// <summary>The same model with the inequality rows <paramref name="active"/> held as equalities and the others free.</summary>
    public LisrelModel WithActiveInequalities(IReadOnlySet<int> active) =>
        new(Table, Groups, FreeRows, ThetaOfRow, ConstraintMap.Build(Table, FreeRows.ToList(), active))
        {
            ActiveInequalities = new HashSet<int>(active),
            _zetaCountWithoutInequalities = ZetaCountWithoutInequalities,
        };

    private int? _zetaCountWithoutInequalities;

    /// <summary>
    /// <see cref="ZetaCount"/> with no inequality held as an equality: lavaan's npar, whose df ignores inequality
    /// constraints even when they are active.
    /// </summary>
    public int ZetaCountWithoutInequalities => _zetaCountWithoutInequalities ?? ZetaCount;

    /// <summary>The observed variables that need a phantom latent copy: those in regressions, and those that covary with one.</summary>
    private static HashSet<string> Phantoms(ParameterTable table)
    {
        var roles = table.Roles;
        var phantoms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in table.Rows.Where(r => r.Op == ModelOperator.Regression))
        {
            if (!roles.IsLatent(r.Lhs)) phantoms.Add(r.Lhs);
            if (!roles.IsLatent(r.Rhs)) phantoms.Add(r.Rhs);
        }
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var r in table.Rows.Where(r => r.Op == ModelOperator.Covariance && r.Lhs != r.Rhs))
            {
                bool a = roles.IsLatent(r.Lhs) || phantoms.Contains(r.Lhs);
                bool b = roles.IsLatent(r.Rhs) || phantoms.Contains(r.Rhs);
                if (a && !b) changed |= phantoms.Add(r.Rhs);
                if (b && !a) changed |= phantoms.Add(r.Lhs);
            }
        }
        return phantoms;
    }

    /// <summary>
    /// Compiles the table. The cells of fixed.x rows are recorded in <see cref="GroupModel.ExogenousCells"/> and take
    /// their starting values from <paramref name="exogenousMoments"/> (per group, the covariance matrix and means in
    /// observed-variable order) by <see cref="GroupModel.ExogenousMoment"/>, the rule that
    /// <see cref="GroupState.SetExogenous"/> applies when the data change. Without moments such a row has no value.
    /// </summary>
    public static LisrelModel Compile(ParameterTable table, IReadOnlyList<(double[] Covariance, double[] Mean)>? exogenousMoments)
    {
        var roles = table.Roles;
        var phantoms = Phantoms(table);
        var freeRows = new List<int>();
        var thetaOfRow = new int[table.Rows.Count];
        Array.Fill(thetaOfRow, -1);
        for (int i = 0; i < table.Rows.Count; i++)
        {
            var r = table.Rows[i];
            if (r.Free && r.Group > 0)
            {
                thetaOfRow[i] = freeRows.Count;
                freeRows.Add(i);
            }
        }

        // Every group has the same variables: the observed ones (rows of Λ), then the latent variables followed by the
        // phantom copies (columns of Λ).
        var observed = roles.Observed;
        var obsIndex = IndexOf(observed);
        var etaIndex = IndexOf(roles.Latent.Concat(observed.Where(phantoms.Contains)).ToList());
        int EtaIndex(string name) => etaIndex.GetValueOrDefault(name, -1);
        int ObsIndex(string name) => obsIndex.GetValueOrDefault(name, -1);

        // Ordered variables: their thresholds, in observed order, make up τ (the same in every group).
        var ordered = observed.Select(o => table.Ordered.Contains(o)).ToArray();
        var thresholdCount = observed.Select(o => table.Rows.Count(r => r.Group == 1 && r.Op == ModelOperator.Threshold && r.Lhs == o)).ToArray();
        var thresholdStart = new int[observed.Count];
        int tauCount = 0;
        for (int i = 0; i < observed.Count; i++)
        {
            thresholdStart[i] = ordered[i] ? tauCount : -1;
            tauCount += thresholdCount[i];
        }
        int ThresholdStart(string name) => thresholdStart[ObsIndex(name)];

        var groups = new GroupModel[table.GroupCount];
        for (int g = 1; g <= table.GroupCount; g++)
        {
            var freeCells = new List<(MatrixCell, int)>();
            var fixedCells = new List<(MatrixCell, double, int)>();
            var exoCells = new List<(MatrixCell, int, int)>();
            for (int i = 0; i < table.Rows.Count; i++)
            {
                var r = table.Rows[i];
                if (r.Group != g) continue;
                var cell = GroupModel.Locate(r, EtaIndex, ObsIndex, ThresholdStart);
                if (r.Free)
                {
                    freeCells.Add((cell, thetaOfRow[i]));
                    continue;
                }
                double v = r.Value;
                if (r.Exogenous)
                {
                    int xi = ObsIndex(r.Lhs), xj = r.Op == ModelOperator.Intercept ? -1 : ObsIndex(r.Rhs);
                    exoCells.Add((cell, xi, xj));
                    v = exogenousMoments is { } moments
                        ? GroupModel.ExogenousMoment(xi, xj, moments[g - 1].Covariance, moments[g - 1].Mean, observed.Count)
                        : double.NaN;
                }
                if (double.IsNaN(v)) throw new SemLibException($"The fixed parameter {r.Name} has no value.");
                fixedCells.Add((cell, v, i));
            }
            // Phantom copies: loading 1, no residual variance, no intercept of their own.
            foreach (var o in observed.Where(phantoms.Contains))
                fixedCells.Add((new MatrixCell(ModelMatrix.Lambda, ObsIndex(o), EtaIndex(o)), 1.0, -1));
            groups[g - 1] = new GroupModel(g, observed, roles.Latent, phantoms, freeCells, fixedCells, table.MeanStructure)
            {
                ExogenousCells = exoCells.ToArray(),
                Ordered = ordered,
                ThresholdStart = thresholdStart,
                ThresholdCount = thresholdCount,
                TauCount = tauCount,
                DeltaParameterization = table.IsCategorical && table.Parameterization == CategoricalParameterization.Delta,
            };
        }
        var constraints = ConstraintMap.Build(table, freeRows);
        return new LisrelModel(table, groups, freeRows.ToArray(), thetaOfRow, constraints);
    }

    private static Dictionary<string, int> IndexOf(IReadOnlyList<string> names)
    {
        var index = new Dictionary<string, int>(names.Count, StringComparer.Ordinal);
        for (int i = 0; i < names.Count; i++) index.TryAdd(names[i], i);
        return index;
    }
}
