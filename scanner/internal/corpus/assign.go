package corpus

import (
	"fmt"
	"strings"
)

// keyParts are the words of a variable name that says what the value is for.
var (
	cpanelKeyParts = [][]string{{"cpanel", "token"}, {"cpanel", "api", "token"}, {"cpanel", "apitoken"}, {"cpanel", "api", "key"}, {"uapi", "token"}, {"cpanel", "key"}, {"cpanel", "access", "token"}}
	whmKeyParts    = [][]string{{"whm", "api", "token"}, {"whm", "token"}, {"whm", "api", "key"}, {"whm", "root", "token"}, {"whm", "reseller", "token"}}
)

// Key styles.
const (
	styleUpperSnake = iota
	styleLowerSnake
	styleCamel
	stylePascal
	styleDotted
	styleKebab
)

func keyName(parts []string, style int) string {
	switch style {
	case styleUpperSnake:
		return strings.ToUpper(strings.Join(parts, "_"))
	case styleLowerSnake:
		return strings.Join(parts, "_")
	case styleDotted:
		return strings.Join(parts, ".")
	case styleKebab:
		return strings.Join(parts, "-")
	}
	var sb strings.Builder
	for i, p := range parts {
		if i == 0 && style == styleCamel {
			sb.WriteString(p)
			continue
		}
		sb.WriteString(strings.ToUpper(p[:1]) + p[1:])
	}
	return sb.String()
}

// tokenKey picks a cPanel or WHM key name in style.
func (g *gen) tokenKey(style int) string {
	if g.chance(0.55) {
		return keyName(pick(g, cpanelKeyParts...), style)
	}
	return keyName(pick(g, whmKeyParts...), style)
}

// genAssignments builds files where a variable or config key named for cPanel/WHM holds a token.
func genAssignments(g *gen) []File {
	plan := []struct {
		n   int
		gen func(*gen) File
	}{
		{12, assignEnv}, {8, assignShell}, {10, assignYAML}, {9, assignJSON}, {7, assignTOML},
		{9, assignINI}, {8, assignXML}, {8, assignHCL}, {7, assignDocker}, {6, assignPHPDefine},
		{6, assignProperties},
		{6, codeConst("python")}, {6, codeConst("js")}, {6, codeConst("go")}, {6, codeConst("java")},
		{6, codeConst("ruby")}, {6, codeConst("php")}, {6, codeConst("csharp")},
	}
	var files []File
	for _, p := range plan {
		for range p.n {
			files = append(files, p.gen(g))
		}
	}
	return files
}

func quoteSh(g *gen, v string) string {
	switch g.intn(3) {
	case 0:
		return v
	case 1:
		return `"` + v + `"`
	default:
		return "'" + v + "'"
	}
}

func assignEnv(g *gen) File {
	b := g.file()
	lines := []string{g.noise("env", between(g, 1, 2))}
	lines = append(lines, fmt.Sprintf("%s_HOST=%s", pick(g, "CPANEL", "WHM"), g.host()))
	if g.chance(0.3) {
		lines = append(lines, b.maybeDecoy("env", 0.3)+keyName(pick(g, cpanelKeyParts...), styleUpperSnake)+"="+quoteSh(g, b.token())+"\n"+
			keyName(pick(g, whmKeyParts...), styleUpperSnake)+"="+quoteSh(g, b.token()))
	} else {
		lines = append(lines, b.maybeDecoy("env", 0.3)+g.tokenKey(styleUpperSnake)+"="+quoteSh(g, b.token()))
	}
	lines = append(lines, g.noise("env", between(g, 1, 2)))
	name := pick(g, ".env", ".env.production", ".env.local", "deploy/.env", "config/.env.staging")
	return b.build(g.path(name), "assign/env", strings.Join(lines, "\n\n")+"\n")
}

func assignShell(g *gen) File {
	b := g.file()
	key := g.tokenKey(styleUpperSnake)
	content := tpl(`# «what»
«noise1»

export PATH="$HOME/.local/bin:$PATH"
export «key»=«val»
export EDITOR=vim

«noise2»
`, "what", pick(g, "shell setup for the ops box", "direnv config", "deployment environment"),
		"noise1", g.noise("sh", 1), "key", key, "val", quoteSh(g, b.token()), "noise2", g.noise("sh", between(g, 1, 2)))
	name := pick(g, ".envrc", "ops/.bashrc", "deploy/env.sh", "scripts/setenv.sh", ".zshrc")
	return b.build(g.path(name), "assign/shell", content)
}

func assignYAML(g *gen) File {
	b := g.file()
	var content string
	switch g.intn(3) {
	case 0:
		content = tpl(`«noise1»

hosting:
  provider: shared
  «key»: «val»
  verify_tls: true

«noise2»
`, "noise1", g.noise("yaml", between(g, 1, 2)), "key", g.tokenKey(pick(g, styleLowerSnake, styleCamel)),
			"val", fmt.Sprintf(pick(g, "%s", `"%s"`, "'%s'"), b.token()), "noise2", g.noise("yaml", 1))
	case 1:
		content = tpl(`version: "3.9"
services:
  app:
    image: ghcr.io/«org»/«app»:latest
    restart: unless-stopped
    environment:
      - APP_ENV=production
      - «key»=«tok»
      - LOG_LEVEL=info
    ports:
      - "8080:8080"
`, "org", pick(g, projectWords...), "app", pick(g, projectWords...), "key", g.tokenKey(styleUpperSnake), "tok", b.token())
		return b.build(g.path(pick(g, "docker-compose.yml", "compose.yaml", "deploy/docker-compose.prod.yml")), "assign/yaml", content)
	default:
		content = tpl(`# application settings
«noise1»
«decoy»«key»: «tok»
«noise2»
`, "noise1", g.noise("yaml", between(g, 1, 2)), "decoy", b.maybeDecoy("yaml", 0.4),
			"key", g.tokenKey(pick(g, styleLowerSnake, styleCamel, styleKebab)), "tok", b.token(), "noise2", g.noise("yaml", 1))
	}
	name := pick(g, "config/settings.yml", "config.yaml", "app/config/parameters.yml", "deploy/values.yaml", "secrets.yml")
	return b.build(g.path(name), "assign/yaml", content)
}

func assignJSON(g *gen) File {
	b := g.file()
	key := g.tokenKey(pick(g, styleCamel, styleLowerSnake, styleUpperSnake))
	content := tpl(`{
  "name": "«app»",
  "version": "«ver»",
  "port": 8080,
  "logLevel": "info",
  "«key»": "«tok»",
  "features": ["«w1»", "«w2»"],
  "timeoutSeconds": «n»
}
`, "app", pick(g, projectWords...)+"-"+pick(g, projectWords...), "ver", fmt.Sprintf("%d.%d.%d", between(g, 0, 3), between(g, 0, 12), between(g, 0, 9)),
		"key", key, "tok", b.token(), "w1", pick(g, words...), "w2", pick(g, words...), "n", fmt.Sprint(between(g, 5, 90)))
	name := pick(g, "config.json", "config/production.json", "settings.json", ".secrets.json", "appconfig.json")
	return b.build(g.path(name), "assign/json", content)
}

func assignTOML(g *gen) File {
	b := g.file()
	var mid string
	if g.chance(0.5) {
		mid = fmt.Sprintf("%s = %q", g.tokenKey(styleLowerSnake), b.token())
	} else {
		mid = fmt.Sprintf("[%s]\nhost = %q\napi_token = %q", pick(g, "cpanel", "whm"), g.host(), b.token())
	}
	content := g.noise("toml", between(g, 1, 2)) + "\n\n" + b.maybeDecoy("toml", 0.3) + mid + "\n\n" + g.noise("toml", 1) + "\n"
	return b.build(g.path(pick(g, "config.toml", "settings.toml", "deploy/hosting.toml")), "assign/toml", content)
}

func assignINI(g *gen) File {
	b := g.file()
	var mid string
	switch g.intn(3) {
	case 0:
		mid = fmt.Sprintf("[cpanel]\nhost = %s\nuser = %s\ntoken = %s", g.host(), g.cpUser(), b.token())
	case 1:
		mid = fmt.Sprintf("[whm]\nserver = %s\nusername = root\napi_token = %s", g.host(), b.token())
	default:
		mid = fmt.Sprintf("[hosting]\n%s = %s", g.tokenKey(styleLowerSnake), b.token())
	}
	content := g.noise("ini", between(g, 1, 2)) + "\n\n" + b.maybeDecoy("ini", 0.3) + mid + "\n\n" + g.noise("ini", 1) + "\n"
	return b.build(g.path(pick(g, "config.ini", "settings.ini", "hosting.cfg", "conf/app.ini")), "assign/ini", content)
}

func assignXML(g *gen) File {
	b := g.file()
	var content string
	if g.chance(0.5) {
		content = tpl(`<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <appSettings>
    «n1»
    <add key="«key»" value="«tok»" />
    «n2»
  </appSettings>
</configuration>
`, "n1", g.noise("xml", 1), "key", g.tokenKey(pick(g, stylePascal, styleCamel, styleDotted)), "tok", b.token(), "n2", g.noise("xml", 1))
		return b.build(g.path(pick(g, "Web.config", "App.config", "src/Hosting/app.config")), "assign/xml", content)
	}
	key := g.tokenKey(styleCamel)
	content = tpl(`<?xml version="1.0" encoding="UTF-8"?>
<settings>
  <server>
    <host>«host»</host>
    <timeout>30</timeout>
  </server>
  <«key»>«tok»</«key»>
  <logLevel>info</logLevel>
</settings>
`, "host", g.host(), "key", key, "tok", b.token())
	return b.build(g.path(pick(g, "config/settings.xml", "hosting.xml", "conf/app-config.xml")), "assign/xml", content)
}

func assignHCL(g *gen) File {
	b := g.file()
	var content string
	if g.chance(0.5) {
		content = tpl(`«noise1»

variable "«key»" {
  type      = string
  sensitive = true
  default   = "«tok»"
}

«noise2»
`, "noise1", g.noise("hcl", between(g, 1, 2)), "key", g.tokenKey(styleLowerSnake), "tok", b.token(), "noise2", g.noise("hcl", 1))
		return b.build(g.path(pick(g, "variables.tf", "terraform/variables.tf", "infra/hosting/variables.tf")), "assign/hcl", content)
	}
	content = tpl(`region        = "eu-west-1"
environment   = "«env»"
«key» = "«tok»"
instance_type = "t3.small"
`, "env", pick(g, "prod", "staging"), "key", g.tokenKey(styleLowerSnake), "tok", b.token())
	return b.build(g.path(pick(g, "terraform.tfvars", "envs/prod.tfvars", "infra/prod.auto.tfvars")), "assign/hcl", content)
}

func assignDocker(g *gen) File {
	b := g.file()
	key := g.tokenKey(styleUpperSnake)
	tok := b.token()
	decl := pick(g, "ENV "+key+"="+tok, "ENV "+key+" "+tok, "ARG "+key+"="+tok, "ENV "+key+"=\""+tok+"\"")
	content := tpl(`FROM «base»
LABEL maintainer="ops@«domain»"

«noise1»
«decl»
«noise2»

CMD ["./run.sh"]
`, "base", pick(g, "debian:bookworm-slim", "php:8.3-apache", "node:20-alpine", "python:3.12-slim"), "domain", g.domain(),
		"noise1", g.noise("docker", between(g, 1, 2)), "decl", decl, "noise2", g.noise("docker", 1))
	return b.build(g.path(pick(g, "Dockerfile", "docker/Dockerfile", "Dockerfile.prod")), "assign/dockerfile", content)
}

func assignPHPDefine(g *gen) File {
	b := g.file()
	key := g.tokenKey(styleUpperSnake)
	q := pick(g, "'", "\"")
	content := tpl(`<?php
/**
 * «what»
 */
define('DB_HOST', 'localhost');
define('DB_NAME', '«db»');
define(«q»«key»«q», «q»«tok»«q»);
define('CPANEL_HOST', '«host»');

«noise»
`, "what", pick(g, "Site configuration.", "Local settings - do not commit.", "Hosting integration settings."),
		"db", pick(g, words...), "q", q, "key", key, "tok", b.token(), "host", g.host(), "noise", g.noise("php", 1))
	return b.build(g.path(pick(g, "config.php", "wp-content/mu-plugins/hosting-config.php", "includes/config.inc.php")), "assign/php-define", content)
}

func assignProperties(g *gen) File {
	b := g.file()
	key := g.tokenKey(pick(g, styleDotted, styleCamel))
	content := g.noise("properties", between(g, 1, 2)) + "\n" + key + "=" + b.token() + "\n" + g.noise("properties", 1) + "\n"
	return b.build(g.path(pick(g, "src/main/resources/application.properties", "config/hosting.properties")), "assign/properties", content)
}

// codeConst builds a source file in lang with a constant or field named for the token.
func codeConst(lang string) func(*gen) File {
	return func(g *gen) File {
		b := g.file()
		var content, name string
		switch lang {
		case "python":
			content = tpl("import os\n\n«n1»\n\n«decoy»«key» = «q»«tok»«q»\n«host»\n\n«n2»\n",
				"n1", g.noise("py", between(g, 1, 2)), "decoy", b.maybeDecoy("py", 0.3), "key", g.tokenKey(styleUpperSnake), "q", pick(g, `"`, "'"), "tok", b.token(),
				"host", fmt.Sprintf("CPANEL_HOST = %q", g.host()), "n2", g.noise("py", 1))
			name = pick(g, "settings.py", "app/config.py", "hosting/constants.py")
		case "js":
			content = tpl("«n1»\n\n«decoy»«kw» «key» = «q»«tok»«q»;\n\n«n2»\n",
				"n1", g.noise("js", 1), "decoy", b.maybeDecoy("js", 0.3), "kw", pick(g, "const", "export const", "let"), "key", g.tokenKey(pick(g, styleUpperSnake, styleCamel)),
				"q", pick(g, "'", `"`, "`"), "tok", b.token(), "n2", g.noise("js", 1))
			name = pick(g, "src/config.js", "config/hosting.js", "constants.js")
		case "go":
			content = tpl("package «pkg»\n\n«decoy»const «key» = \"«tok»\"\n\n«n1»\n",
				"pkg", pick(g, "hosting", "config", "main"), "decoy", b.maybeDecoy("go", 0.3), "key", g.tokenKey(pick(g, styleCamel, stylePascal)), "tok", b.token(), "n1", g.noise("go", between(g, 1, 2)))
			name = pick(g, "internal/config/secrets.go", "hosting/const.go", "config.go")
		case "java":
			content = tpl("package com.«org».hosting;\n\npublic final class HostingConfig {\n    «n1»\n\n    private static final String «key» = \"«tok»\";\n\n    «n2»\n}\n",
				"org", pick(g, projectWords...), "n1", g.noise("java", 1), "key", g.tokenKey(styleUpperSnake), "tok", b.token(), "n2", g.noise("java", 1))
			name = "src/main/java/com/example/hosting/HostingConfig.java"
		case "ruby":
			content = tpl("module Hosting\n  «key» = '«tok»'«frz»\n  HOST = '«host»'\nend\n\n«n1»\n",
				"key", g.tokenKey(styleUpperSnake), "tok", b.token(), "frz", pick(g, "", ".freeze"), "host", g.host(), "n1", g.noise("rb", 1))
			name = pick(g, "config/initializers/hosting.rb", "lib/hosting/config.rb")
		case "php":
			if g.chance(0.5) {
				content = tpl("<?php\n\nnamespace App\\Hosting;\n\nfinal class Credentials\n{\n    public const «key» = '«tok»';\n    public const HOST = '«host»';\n}\n",
					"key", g.tokenKey(styleUpperSnake), "tok", b.token(), "host", g.host())
			} else {
				content = tpl("<?php\n«n1»\n\n$«key» = '«tok»';\n$cpanelHost = '«host»';\n",
					"n1", g.noise("php", 1), "key", g.tokenKey(pick(g, styleCamel, styleLowerSnake)), "tok", b.token(), "host", g.host())
			}
			name = pick(g, "src/Hosting/Credentials.php", "inc/hosting.php", "config/hosting.php")
		case "csharp":
			content = tpl("namespace Acme.Hosting\n{\n    public static class HostingSettings\n    {\n        «n1»\n        «mod» «key» = \"«tok»\";\n    }\n}\n",
				"n1", g.noise("cs", 1), "mod", pick(g, "public const string", "private const string", "internal static readonly string"), "key", g.tokenKey(stylePascal), "tok", b.token())
			name = pick(g, "src/Hosting/HostingSettings.cs", "HostingSettings.cs")
		}
		return b.build(g.path(name), "assign/code-"+lang, content)
	}
}
