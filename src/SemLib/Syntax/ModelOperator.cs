namespace SemLib.Syntax;

/// <summary>
/// The lavaan operators: those a model statement can use, and the <c>op</c> column of the parameter table and of the
/// results (<see cref="SemLib.Results.ParameterEstimate.Op"/>, <see cref="SemLib.Results.ModificationIndex.Op"/>).
/// <see cref="ModelOperatorText.ToLavaan"/> gives lavaan's spelling, <see cref="ModelOperatorText.FromLavaan"/> reads it.
/// </summary>
public enum ModelOperator
{
    /// <summary><c>=~</c>: a latent variable is measured by indicators.</summary>
    MeasuredBy,
    /// <summary><c>~</c>: a regression of the left side on the right side.</summary>
    Regression,
    /// <summary><c>~~</c>: a variance or covariance (residual, for dependent variables).</summary>
    Covariance,
    /// <summary><c>~ 1</c>: an intercept or mean.</summary>
    Intercept,
    /// <summary><c>:=</c>: a defined parameter, computed from labelled parameters.</summary>
    Defined,
    /// <summary><c>==</c>: an equality constraint between expressions of labels.</summary>
    Equal,
    /// <summary><c>&lt;</c>: an inequality constraint.</summary>
    Less,
    /// <summary><c>&gt;</c>: an inequality constraint.</summary>
    Greater,
    /// <summary><c>|</c>: a threshold of an ordered (categorical) indicator, <c>x1 | t1 + t2</c>: the k-th cut point
    /// of the latent response variable behind the item.</summary>
    Threshold,
    /// <summary><c>~*~</c>: the scale factor of an ordered indicator's latent response (<c>x1 ~*~ x1</c>), the Δ of
    /// lavaan's delta parameterization.</summary>
    Scaling,
}

/// <summary>How operators are written in lavaan syntax and in parameter tables.</summary>
public static class ModelOperatorText
{
    /// <summary>The lavaan spelling of the operator (<c>=~</c>, <c>~</c>, <c>~~</c>, <c>~1</c>, <c>:=</c>, <c>==</c>, <c>&lt;</c>, <c>&gt;</c>, <c>|</c>, <c>~*~</c>).</summary>
    public static string ToLavaan(this ModelOperator op) => op switch
    {
        ModelOperator.MeasuredBy => "=~",
        ModelOperator.Regression => "~",
        ModelOperator.Covariance => "~~",
        ModelOperator.Intercept => "~1",
        ModelOperator.Defined => ":=",
        ModelOperator.Equal => "==",
        ModelOperator.Less => "<",
        ModelOperator.Greater => ">",
        ModelOperator.Threshold => "|",
        ModelOperator.Scaling => "~*~",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    /// <summary>Reads a lavaan operator spelling; null if it is not one.</summary>
    public static ModelOperator? FromLavaan(string text) => text switch
    {
        "=~" => ModelOperator.MeasuredBy,
        "~" => ModelOperator.Regression,
        "~~" => ModelOperator.Covariance,
        "~1" => ModelOperator.Intercept,
        ":=" => ModelOperator.Defined,
        "==" => ModelOperator.Equal,
        "<" => ModelOperator.Less,
        ">" => ModelOperator.Greater,
        "|" => ModelOperator.Threshold,
        "~*~" => ModelOperator.Scaling,
        _ => null,
    };
}
