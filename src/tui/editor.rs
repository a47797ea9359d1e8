//! The command line that opens the user's editor at a file and line: `$VISUAL`, else
//! `$EDITOR`, else `vi`, split into words as a shell would (so `code --wait` works), with
//! the line given the way that editor takes it. Running it is the event loop's job.

use std::path::Path;

/// A program and its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Command {
    pub program: String,
    pub args: Vec<String>,
}

/// The editor the environment names: `$VISUAL`, then `$EDITOR` (empty ones skipped), then `vi`.
pub fn from_env() -> String {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.trim().is_empty())
        .unwrap_or_else(|| "vi".to_string())
}

/// How an editor takes a line number, known by the program's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// `+LINE FILE`: vi, vim, nvim, nano, emacs, kak and their kin.
    Plus,
    /// `FILE:LINE`: helix, Sublime Text, Zed, micro.
    Colon,
    /// `--goto FILE:LINE`: VS Code and VSCodium.
    Goto,
    /// An editor not recognised gets the file alone, rather than an argument it may take
    /// for a file name.
    FileOnly,
}

/// The editors recognised, by program name (README lists them).
const FORMS: &[(&[&str], Form)] = &[
    (
        &[
            "vi",
            "vim",
            "nvim",
            "gvim",
            "mvim",
            "view",
            "nano",
            "pico",
            "emacs",
            "emacsclient",
            "kak",
            "mg",
            "joe",
            "ne",
        ],
        Form::Plus,
    ),
    (&["hx", "helix", "subl", "sublime_text", "zed", "zeditor", "micro"], Form::Colon),
    (&["code", "code-insiders", "codium", "vscodium", "cursor"], Form::Goto),
];

fn form(program: &str) -> Form {
    let name = Path::new(program).file_name().and_then(|n| n.to_str()).unwrap_or(program);
    let name = name.strip_suffix(".exe").unwrap_or(name);
    FORMS.iter().find(|(names, _)| names.contains(&name)).map_or(Form::FileOnly, |&(_, f)| f)
}

/// The command that opens `file` at `line` (1-based; 0 opens the file at its top) in
/// `editor`, a shell-like word list such as `code --wait`.
pub fn command(editor: &str, file: &Path, line: usize) -> Result<Command, String> {
    let words = shell_words::split(editor)
        .map_err(|e| format!("cannot read the editor command `{editor}` ($VISUAL or $EDITOR): {e}"))?;
    let Some((program, rest)) = words.split_first() else {
        return Err("the editor command ($VISUAL or $EDITOR) is empty".into());
    };
    let mut args = rest.to_vec();
    let file = file.display().to_string();
    match (form(program), line) {
        (_, 0) | (Form::FileOnly, _) => args.push(file),
        (Form::Plus, n) => args.extend([format!("+{n}"), file]),
        (Form::Colon, n) => args.push(format!("{file}:{n}")),
        (Form::Goto, n) => args.extend(["--goto".to_string(), format!("{file}:{n}")]),
    }
    Ok(Command { program: program.clone(), args })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(editor: &str) -> Vec<String> {
        let c = command(editor, Path::new("data/my file.ron"), 42).expect("a command");
        std::iter::once(c.program).chain(c.args).collect()
    }

    #[test]
    fn each_recognised_editor_gets_the_line_its_own_way() {
        assert_eq!(args("vim"), ["vim", "+42", "data/my file.ron"]);
        assert_eq!(args("/usr/bin/nvim"), ["/usr/bin/nvim", "+42", "data/my file.ron"]);
        assert_eq!(args("emacsclient -t"), ["emacsclient", "-t", "+42", "data/my file.ron"]);
        assert_eq!(args("hx"), ["hx", "data/my file.ron:42"]);
        assert_eq!(args("subl -w"), ["subl", "-w", "data/my file.ron:42"]);
        assert_eq!(args("code --wait"), ["code", "--wait", "--goto", "data/my file.ron:42"]);
        assert_eq!(args("'/opt/My Editors/kak'"), ["/opt/My Editors/kak", "+42", "data/my file.ron"]);
    }

    #[test]
    fn an_unknown_editor_gets_the_file_alone_and_a_bad_command_is_explained() {
        assert_eq!(args("ed"), ["ed", "data/my file.ron"]);
        let at_top = command("vim", Path::new("d.ron"), 0).expect("a command");
        assert_eq!(at_top.args, ["d.ron"]);
        let err = command("vim 'unclosed", Path::new("d.ron"), 1).expect_err("refused");
        assert!(err.starts_with("cannot read the editor command `vim 'unclosed`"), "{err}");
        assert!(command("  ", Path::new("d.ron"), 1).is_err());
    }
}
