import { Card, CardContent, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { declaredValue, documentChoiceKeys, findKind } from '../catalog/catalogText';
import { useCatalogText } from '../catalog/useCatalog';
import type { Ticket } from '../types';

/** Declared fields in the catalog's order; keys the catalog no longer knows come last, under their own name. */
const orderedKeys = (declared: Record<string, string>, catalogOrder: string[]): string[] => [
  ...catalogOrder.filter((key) => key in declared),
  ...Object.keys(declared).filter((key) => !catalogOrder.includes(key)),
];

export const DeclaredFields = () => {
  const record = useRecordContext<Ticket>();
  const translate = useTranslate();
  const text = useCatalogText();
  if (!record) return null;
  const declared = record.fields ?? {};
  const choices = documentChoiceKeys(text.catalog, record.kind);
  const keys = orderedKeys(declared, findKind(text.catalog, record.kind)?.fields.map((field) => field.key) ?? []).filter(
    (key) => !choices.has(key),
  );

  return (
    <Card>
      <CardContent>
        <Typography variant="h6" component="h3" gutterBottom>
          {translate('app.ticket.declared')}
        </Typography>
        {keys.length === 0 ? (
          <Typography variant="body2">{translate('app.ticket.noDeclared')}</Typography>
        ) : (
          <Table size="small">
            <TableBody>
              {keys.map((key) => (
                <TableRow key={key}>
                  <TableCell component="th" scope="row" sx={{ width: '40%', color: 'text.secondary' }}>
                    {text.field(record.kind, key)}
                  </TableCell>
                  <TableCell>{declaredValue(text.catalog, record.kind, key, declared, text.locale)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
};
