// Command ferretdb runs FerretDB 1.24 embedded, in front of a PostgreSQL database, for the
// embedded default: it exits on SIGTERM/SIGINT or when its standard input closes (its parent died).
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:27017", "TCP address to listen on")
	pg := flag.String("postgresql-url", "", "PostgreSQL connection URL")
	level := flag.String("log-level", "off", "log level: debug, info, warn, error or off")
	flag.Parse()
	if *pg == "" {
		fmt.Fprintln(os.Stderr, "ferretdb: --postgresql-url is required")
		os.Exit(2)
	}

	// FerretDB logs every failed query (a duplicate key included) at error level with wire dumps:
	// "off" keeps it quiet; a failure to start still reaches stderr below.
	lvl := slog.LevelError + 4
	if *level != "off" {
		if err := lvl.UnmarshalText([]byte(*level)); err != nil {
			lvl = slog.LevelError
		}
	}
	logger := slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: lvl}))

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()

	// Our parent holds our stdin open; when it dies, the pipe closes and we stop too.
	go func() {
		_, _ = io.Copy(io.Discard, os.Stdin)
		stop()
	}()

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:      ferretdb.ListenerConfig{TCP: *listen},
		Handler:       "postgresql",
		PostgreSQLURL: *pg,
		Logger:        logger,
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "ferretdb:", err)
		os.Exit(1)
	}
	if err := f.Run(ctx); err != nil {
		fmt.Fprintln(os.Stderr, "ferretdb:", err)
		os.Exit(1)
	}
}
