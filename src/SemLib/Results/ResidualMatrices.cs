namespace SemLib.Results;

/// <summary>
/// The residuals of one group (lavaan's <c>resid(fit, type = ...)</c>): a symmetric matrix over the observed variables
/// and, with a mean structure, a vector of mean residuals. Immutable.
/// </summary>
public sealed class ResidualMatrices
{
    private readonly double[] _cov;

    internal ResidualMatrices(ResidualType type, int group, string groupLabel, IReadOnlyList<string> names, double[] covariance, double[]? means)
    {
        Type = type;
        Group = group;
        GroupLabel = groupLabel;
        Names = names.ToArray();
        _cov = covariance;
        Means = means is null ? null : Array.AsReadOnly((double[])means.Clone());
    }

    /// <summary>Raw or standardized.</summary>
    public ResidualType Type { get; }

    /// <summary>1-based group.</summary>
    public int Group { get; }

    /// <summary>The group's label (value of the group column), empty with one group.</summary>
    public string GroupLabel { get; }

    /// <summary>The observed variables, in the model's order (rows and columns of the matrix).</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Mean residuals (x̄ − μ̂, or standardized), or null without a mean structure.</summary>
    public IReadOnlyList<double>? Means { get; }

    /// <summary>The residual of the covariance of variables <paramref name="row"/> and <paramref name="column"/> (0-based).</summary>
    public double this[int row, int column] => _cov[row * Names.Count + column];

    /// <summary>The residual of the covariance of two variables by name.</summary>
    public double this[string row, string column] => this[IndexOf(row), IndexOf(column)];

    /// <summary>A copy of the matrix.</summary>
    public double[,] ToArray()
    {
        int p = Names.Count;
        var a = new double[p, p];
        for (int i = 0; i < p; i++)
            for (int j = 0; j < p; j++) a[i, j] = _cov[i * p + j];
        return a;
    }

    private int IndexOf(string name)
    {
        for (int i = 0; i < Names.Count; i++)
            if (Names[i] == name) return i;
        throw new KeyNotFoundException($"'{name}' is not an observed variable of the model (they are: {string.Join(", ", Names)}).");
    }
}
