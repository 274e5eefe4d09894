using MathNet.Numerics.LinearAlgebra;
using SemLib.Data;
using SemLib.Model;
using SemLib.Specification;
using SemLib.Syntax;

namespace SemLib.Simulation;

/// <summary>
/// A model with population values, from which data are drawn (lavaan's <c>simulateData</c>): the values written
/// in the syntax (<c>f =~ 0.7*x1</c>, <c>y ~ 0.3*x</c>, <c>f1 ~~ 0.4*f2</c>) are the population values; a
/// loading left unspecified is 1 (0.7 when standardized), a variance 1, anything else 0. Factors are scaled by
/// unit variance (std.lv). With <c>standardized</c>, residual variances that are not written are chosen so that
/// every latent and observed variable has variance 1 — solved in causal order, so that holds exactly even for
/// chains of endogenous factors (lavaan makes one pass).
/// </summary>
public sealed class PopulationModel
{
    /// <summary>The lower Cholesky factor L of the covariance matrix (Σ = LLᵀ), row-major p×p.</summary>
    private readonly double[] _cholesky;
    private readonly double[] _means;

    private PopulationModel(IReadOnlyList<string> names, double[,] covariance, double[] means, ParameterTable table, double[] values)
    {
        ObservedVariables = names;
        Covariance = covariance;
        _means = means;
        Table = table;
        Values = values;
        var m = Matrix<double>.Build.DenseOfArray(covariance);
        try
        {
            _cholesky = m.Cholesky().Factor.ToRowMajorArray();
        }
        catch (ArgumentException)
        {
            throw new SemLibException("The population covariance matrix implied by the model is not positive definite; check the population values (a standardized loading or path of 1 or more, or correlations beyond ±1).");
        }
    }

    /// <summary>Observed variables, in the order of <see cref="Covariance"/>.</summary>
    public IReadOnlyList<string> ObservedVariables { get; }

    /// <summary>The population covariance matrix of the observed variables.</summary>
    public double[,] Covariance { get; }

    /// <summary>The population means of the observed variables.</summary>
    public IReadOnlyList<double> Means => _means;

    /// <summary>The parameter table, whose rows the population values belong to.</summary>
    public ParameterTable Table { get; }

    /// <summary>The population value of every table row (defined rows evaluated), in table order.</summary>
    public IReadOnlyList<double> Values { get; }

    /// <summary>The population value of the row lhs op rhs (~~ either way round).</summary>
    public double Value(string lhs, string op, string rhs)
    {
        var o = ModelOperatorText.FromLavaan(op) ?? throw new ArgumentException($"'{op}' is not an operator.", nameof(op));
        for (int i = 0; i < Table.Rows.Count; i++)
            if (Table.Rows[i].Matches(lhs, o, rhs)) return Values[i];
        throw new KeyNotFoundException($"The population model has no row {lhs} {op} {rhs}.");
    }

    /// <summary>Builds the population model from lavaan syntax.</summary>
    public static PopulationModel FromSyntax(string syntax, bool standardized = false) =>
        Create(ModelSyntax.Parse(syntax), standardized);

    /// <summary>Builds the population model from a parsed model.</summary>
    public static PopulationModel Create(ParsedModel model, bool standardized = false)
    {
        var options = ModelOptions.Default with { StdLv = true, FixedX = false };
        var table = ParameterTable.Build(model, options, 1);
        var values = new double[table.Rows.Count];
        for (int i = 0; i < values.Length; i++)
        {
            var r = table.Rows[i];
            if (!r.Free) values[i] = r.Value;
            else if (!double.IsNaN(r.Start)) values[i] = r.Start;
            else values[i] = r.Op switch
            {
                ModelOperator.MeasuredBy => standardized ? 0.7 : 1.0,
                ModelOperator.Covariance when r.Lhs == r.Rhs => 1.0,
                _ => 0.0,
            };
        }
        if (standardized) Standardize(table, values);
        var fixedTable = Fix(table, values);
        var state = Evaluate(fixedTable, values);
        Inference.DefinedParameters.Recompute(fixedTable, values);
        int p = state.Model.P;
        var cov = Matrix<double>.Build.DenseOfRowMajor(p, p, state.Sigma).ToArray();
        var means = table.MeanStructure ? state.Mu.ToArray() : new double[p];
        return new PopulationModel(state.Model.Observed, cov, means, fixedTable, values);
    }

    private static GroupState Evaluate(ParameterTable table, double[] values)
    {
        var model = LisrelModel.Compile(table, null);
        var state = new GroupState(model.Groups[0]);
        if (!state.Update([]))
            throw new SemLibException("The population model's regressions are circular with no solution (I − B is singular).");
        return state;
    }

    /// <summary>Sets unwritten residual variances so that all variances are 1, in passes until they settle.</summary>
    private static void Standardize(ParameterTable table, double[] values)
    {
        var roles = table.Roles;
        var dependentLatent = roles.Latent.Where(l => !roles.LatentExogenous.Contains(l)).ToHashSet();
        var latentRows = new Dictionary<string, int>();
        var observedRows = new Dictionary<string, int>();
        for (int i = 0; i < table.Rows.Count; i++)
        {
            var r = table.Rows[i];
            if (!r.IsVariance || r.User) continue;
            if (dependentLatent.Contains(r.Lhs)) latentRows[r.Lhs] = i;
            else if (!roles.IsLatent(r.Lhs)) observedRows[r.Lhs] = i;
        }
        foreach (var i in latentRows.Values.Concat(observedRows.Values)) values[i] = 0;
        for (int pass = 0; pass < 200; pass++)
        {
            var state = Evaluate(Fix(table, values), values);
            double change = 0;
            foreach (var (lv, i) in latentRows)
            {
                int k = state.Model.EtaIndex(lv);
                double total = state.Phi[k * state.Model.M + k];
                double target = values[i] + (1 - total);
                change = Math.Max(change, Math.Abs(target - values[i]));
                values[i] = target;
            }
            if (change < 1e-14) break;
        }
        var final = Evaluate(Fix(table, values), values);
        foreach (var (ov, i) in observedRows)
        {
            int j = final.Model.ObservedIndex(ov);
            values[i] += 1 - final.Sigma[j * final.Model.P + j];
        }
        foreach (var (name, i) in latentRows.Concat(observedRows))
            if (values[i] < 0)
                throw new SemLibException($"With these standardized population values the residual variance of '{name}' would be negative ({values[i]:G4}): the explained variance exceeds 1.");
    }

    /// <summary>The table with every row fixed at its population value; the model then has no free parameters.</summary>
    private static ParameterTable Fix(ParameterTable table, double[] values) =>
        new(table.Model, table.Rows.Select((r, i) => r.Group > 0 ? r with { Free = false, Value = values[i], Exogenous = false } : r).ToList(),
            table.Roles, 1, table.MeanStructure, table.Warnings);

    /// <summary>Draws N rows from the multivariate normal distribution N(μ, Σ) with the given random source.</summary>
    public DataSet Sample(int n, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), "The sample size must be at least 1.");
        int p = ObservedVariables.Count;
        var columns = new double[p][];
        for (int j = 0; j < p; j++) columns[j] = new double[n];
        var z = new double[p];
        var x = new double[p];
        for (int i = 0; i < n; i++)
        {
            Draw(random, z, x);
            for (int j = 0; j < p; j++) columns[j][i] = x[j];
        }
        return DataSet.FromColumns(ObservedVariables.Select((name, j) => new KeyValuePair<string, double[]>(name, columns[j])), "simulated");
    }

    /// <summary>
    /// Fills preallocated rows with draws, writing population variable <c>columns[j]</c> into column j of each row
    /// (the analysis model's order); all population variables are drawn so the stream does not depend on the subset.
    /// </summary>
    internal void FillRows(double[][] rows, int[] columns, Random random, double[] z, double[] x)
    {
        foreach (var row in rows)
        {
            Draw(random, z, x);
            for (int j = 0; j < columns.Length; j++) row[j] = x[columns[j]];
        }
    }

    /// <summary>One draw x = μ + Lz from p standard normal deviates z (both buffers of length p).</summary>
    private void Draw(Random random, double[] z, double[] x)
    {
        int p = z.Length;
        for (int j = 0; j < p; j++) z[j] = StandardNormal(random);
        for (int j = 0; j < p; j++)
        {
            double v = _means[j];
            for (int k = 0; k <= j; k++) v += _cholesky[j * p + k] * z[k];
            x[j] = v;
        }
    }

    /// <summary>Draws N rows with a seed; the same seed gives the same data.</summary>
    public DataSet Sample(int n, int seed) => Sample(n, new Random(seed));

    /// <summary>A standard normal deviate by the Box–Muller transform (deterministic for a seeded source).</summary>
    internal static double StandardNormal(Random random)
    {
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
